package io.oriole.web.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.oriole.conversation.ConversationNotFoundException;
import io.oriole.customer.CustomerNotFoundException;
import io.oriole.identity.UserManagement.EmailAlreadyUsedException;
import io.oriole.shared.Refusal;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every error of the API's controllers into an RFC 9457 problem. Field-level mistakes carry an
 * {@code errors} array of {@code {field, reason}} so a client can point at the input to fix. Scoped to this
 * package (and to the platform's and the widget's) so that the UI's controllers keep their own error pages; it runs
 * before any application-wide advice.
 * The {@code @ResponseStatus} marks repeat the problems' statuses so that the OpenAPI document lists them.
 */
@RestControllerAdvice(basePackageClasses = { ApiProblemAdvice.class, io.oriole.platform.PlatformManagement.class },
        basePackages = "io.oriole.web.widget")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

    /** One wrong input: a JSON field path such as {@code skills.billing}, or a query parameter name. */
    record FieldProblem(String field, String reason) {
    }

    @ExceptionHandler({ ConversationNotFoundException.class, CustomerNotFoundException.class,
            UnknownIdException.class, NotTriagedYetException.class,
            io.oriole.routing.OfferNotFoundException.class })
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /**
     * A module said no to a rule it owns: 422 when the input is wrong, 409 when the state forbids it, with the
     * refusal's {@code reason} and, when it concerns one input, that {@code field} in {@code errors} as well.
     */
    @ExceptionHandler(Refusal.class)
    ProblemDetail refused(Refusal e) {
        HttpStatus status = e.kind() == Refusal.Kind.CONFLICT ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(status == HttpStatus.CONFLICT ? "Refused in the current state" : "Refused");
        problem.setProperty("reason", e.reason().name());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
            problem.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
        }
        return problem;
    }

    @ExceptionHandler(InvalidFieldException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ProblemDetail invalidField(InvalidFieldException e) {
        return invalid("The request has invalid fields.", List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    /** The modules check their own rules (a skill level from 1 to 5, a known department) and say which failed. */
    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    ProblemDetail ruleBroken(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    @ExceptionHandler({ IllegalStateException.class, EmailAlreadyUsedException.class,
            io.oriole.identity.LastAdminException.class })
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail conflict(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    /**
     * The node is too busy to give this request a database connection within the pool's timeout: the client
     * retries after a second rather than waits on (a widget message is retried with the same client id, so nothing
     * is stored twice).
     */
    @ExceptionHandler({ CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class })
    ResponseEntity<ProblemDetail> busy(RuntimeException e) {
        log.warn("API request shed, no database connection: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The service is busy; retry in a moment.");
        problem.setTitle("Busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    /** A unique key won a race against a check made just before it; the database text stays in the log. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.info("API request conflicts with stored data", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The request conflicts with existing data.");
    }

    /** A refused permission (see docs/permissions.md), named in {@code permission} when the endpoint has one. */
    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ProblemDetail denied(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Your role does not allow this operation.");
        if (e instanceof io.oriole.identity.PermissionDenied denied && denied.permission() != null) {
            problem.setProperty("permission", denied.permission().name());
        }
        return problem;
    }

    @ExceptionHandler(Exception.class)
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    ProblemDetail unexpected(Exception e) {
        log.error("API request failed", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The server could not complete the request; it has been logged.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid("The request has invalid fields.", fieldProblems(
                ex.getBindingResult().getFieldErrors())));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (var result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors errors) {
                problems.addAll(fieldProblems(errors.getFieldErrors()));
            }
            else {
                String name = result.getMethodParameter().getParameterName();
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    problems.add(new FieldProblem(name, error.getDefaultMessage()));
                }
            }
        }
        return ResponseEntity.badRequest().body(invalid("The request has invalid fields.", problems));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String reason = expectation(ex.getRequiredType());
        return ResponseEntity.badRequest().body(invalid("Parameter '" + name + "' " + reason + ".",
                List.of(new FieldProblem(name, reason))));
    }

    /** Says where the JSON went wrong: the field for a wrong value, the line and column for broken syntax. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException jackson = jacksonCause(ex);
        ProblemDetail problem;
        if (jackson instanceof InvalidNullException nullItem && !nullItem.getPath().isEmpty()) {
            // A null inside a list, set or map (see NoNullItems): well-formed JSON, but no value to act on.
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                    .body(refused(new NullItemRefused(fieldPath(nullItem))));
        }
        if (jackson instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = fieldPath(mismatch);
            String reason = mismatch instanceof InvalidFormatException invalid
                    ? expectation(mismatch.getTargetType()) + ", not '" + invalid.getValue() + "'"
                    : expectation(mismatch.getTargetType());
            problem = invalid("Field '" + field + "' " + reason + ".", List.of(new FieldProblem(field, reason)));
        }
        else if (jackson instanceof MismatchedInputException wholeBody) {
            problem = unreadable("The JSON body must be an object" + at(wholeBody.getLocation()) + ".");
        }
        else if (jackson instanceof StreamReadException syntax) {
            problem = unreadable("Malformed JSON" + at(syntax.getLocation()) + ": " + syntax.getOriginalMessage());
        }
        else if (jackson != null) {
            problem = unreadable("Unreadable JSON" + at(jackson.getLocation()) + ".");
        }
        else {
            problem = unreadable("A JSON request body is required.");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    private static ProblemDetail unreadable(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Unreadable request body");
        return problem;
    }

    private static ProblemDetail invalid(String detail, List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", problems);
        return problem;
    }

    private static List<FieldProblem> fieldProblems(List<FieldError> errors) {
        return errors.stream().map(e -> new FieldProblem(e.getField(), e.getDefaultMessage())).toList();
    }

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        }
        if (Number.class.isAssignableFrom(type) || type == long.class || type == int.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        return "must be a " + type.getSimpleName();
    }

    private static String fieldPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            }
            else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String at(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static JacksonException jacksonCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }
}
