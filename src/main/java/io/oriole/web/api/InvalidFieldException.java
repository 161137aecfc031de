package io.oriole.web.api;

/**
 * A field that is well-formed on its own but wrong in combination with others (an enterprise customer without an
 * organisation), reported like a Bean Validation error so clients handle one shape.
 */
class InvalidFieldException extends RuntimeException {

    private final String field;

    InvalidFieldException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    String field() {
        return field;
    }
}
