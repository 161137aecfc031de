package io.oriole.sla;

/** A policy names a calendar its tenant does not have (another tenant's id looks exactly the same). */
public class UnknownCalendarException extends IllegalArgumentException {

    public UnknownCalendarException(long id) {
        super("calendar " + id + " not found");
    }
}
