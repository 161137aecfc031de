package io.oriole.knowledge;

/** An entry (or an imported row) breaks a rule; {@link #field()} names the field. */
public class InvalidEntryException extends IllegalArgumentException {

    private final String field;

    public InvalidEntryException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
