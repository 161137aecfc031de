package io.oriole.web.api;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container's error dispatch answers, on every path: an error that no controller advice turned
 * into a problem (a {@code sendError} from a filter or from Spring Security, an unknown page, an exception outside
 * any controller) ends here. API clients get an RFC 9457 problem; a browser asking for {@code text/html} gets the
 * bilingual error page. Neither carries the exception's text or a stack: those stay in the log. Replaces Spring
 * Boot's error controller, whose JSON was not a problem and whose page showed the framework's name.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorProblems implements ErrorController {

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        // A page refused for the reader's role says so and where to turn; every other status has the general page.
        String view = status == HttpStatus.FORBIDDEN ? "error/403" : "error";
        return new ModelAndView(view, Map.of("status", status.value()), status);
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problemFor(status));
    }

    /** The problem for a status with nothing more specific to say, as every fallback answers it. */
    static ProblemDetail problemFor(HttpStatus status) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, switch (status) {
            case BAD_REQUEST -> "The request could not be understood (malformed syntax or a path we refuse).";
            case UNAUTHORIZED -> "Authentication is required.";
            case FORBIDDEN -> "You are not allowed to do this.";
            case NOT_FOUND -> "Nothing exists at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take that method.";
            case CONTENT_TOO_LARGE -> "The request is too large.";
            case INTERNAL_SERVER_ERROR -> "The server could not complete the request; it has been logged.";
            default -> status.getReasonPhrase() + ".";
        });
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
