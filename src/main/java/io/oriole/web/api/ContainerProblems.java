package io.oriole.web.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/**
 * Problems for requests refused before the application sees them. Tomcat refuses some URLs itself (a {@code %00},
 * an encoded slash, characters a URL may not hold) and writes its report page; Spring Security's firewall refuses
 * others ({@code ;}, {@code ..}, encoded dots) with a bare 400. Both now answer an RFC 9457 problem without server
 * name, version or stack, on every path.
 */
@Configuration(proxyBeanMethods = false)
class ContainerProblems {

    /** Tomcat's host renders errors with this valve instead of its HTML report. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve());
            }
        });
    }

    /** The firewall's refusals: 400 with a problem, written directly since the request never reaches a dispatcher. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(JsonMapper json) {
        return (request, response, rejected) -> {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ErrorProblems.problemFor(HttpStatus.BAD_REQUEST));
        };
    }

    /**
     * Writes the container's error reports as problems. The JSON is built by hand: the valve lives outside the
     * application context, and the body has no user input in it.
     */
    public static class ProblemReportValve extends ErrorReportValve {

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            ProblemDetail problem = ErrorProblems.problemFor(status == null ? HttpStatus.BAD_REQUEST : status);
            String body = "{\"type\":\"about:blank\",\"title\":\"" + problem.getTitle() + "\",\"status\":" + code
                    + ",\"detail\":\"" + problem.getDetail() + "\"}";
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
                response.finishResponse();
            }
            catch (IOException | IllegalStateException gone) {
                // The client left; there is nobody to tell.
            }
        }
    }
}
