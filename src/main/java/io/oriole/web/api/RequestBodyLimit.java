package io.oriole.web.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies above a size before anything reads them: 413 problem+json. A declared
 * {@code Content-Length} above the cap is refused at once; a body without one (chunked) is read up to the cap and
 * refused as soon as it goes beyond, so nothing ever parses a fifty-megabyte message. Widget requests are public
 * and small ({@code oriole.widget.limits.max-body}, 64 KB by default: a 10,000-character message with every
 * character escaped fits); API and platform requests may carry more ({@code oriole.web.max-body}, 1 MB). File
 * uploads (multipart) are left to {@code spring.servlet.multipart.*}, which refuse them while streaming.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimit extends OncePerRequestFilter {

    private final long widgetMax;
    private final long apiMax;
    private final JsonMapper json;

    RequestBodyLimit(@Value("${oriole.widget.limits.max-body:64KB}") DataSize widgetMax,
            @Value("${oriole.web.max-body:1MB}") DataSize apiMax, JsonMapper json) {
        this.widgetMax = widgetMax.toBytes();
        this.apiMax = apiMax.toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long max = maxFor(request);
        if (max < 0) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > max) {
            refuse(request, response, max);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (body.length > max) {
                refuse(request, response, max);
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The cap of this path, or -1 for requests it does not concern (pages, files, multipart uploads). */
    private long maxFor(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        if (path.startsWith("/widget/")) {
            return widgetMax;
        }
        if ((path.startsWith("/api/") || path.startsWith("/platform/")) && !multipart) {
            return apiMax;
        }
        return -1;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long max) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than " + max + " bytes.");
        problem.setTitle("Content Too Large");
        problem.setProperties(Map.of("maxBytes", max));
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        // The rest of the body is not read; the connection cannot carry another request after it.
        response.setHeader("Connection", "close");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The request with its body already read (and within the cap). */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
