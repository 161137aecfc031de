package io.oriole.web.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problems for API requests that never reach a controller: a wrong method, an unsupported media type or an unknown
 * path fail while Spring looks for the handler, so {@link ApiProblemAdvice}, scoped to the API's controllers, never
 * sees them. This advice is application-wide for that reason, and hands anything outside {@code /api/} back to
 * Spring's default handling by rethrowing it.
 */
@RestControllerAdvice
class ApiRoutingProblems {

    @ExceptionHandler({ HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            NoResourceFoundException.class, NoHandlerFoundException.class })
    ResponseEntity<ProblemDetail> unrouted(Exception e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw e;
        }
        ErrorResponse error = (ErrorResponse) e;
        return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders()).body(error.getBody());
    }
}
