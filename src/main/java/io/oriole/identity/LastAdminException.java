package io.oriole.identity;

/** A change would leave the tenant without an enabled administrator, and with it nobody able to undo it. */
public class LastAdminException extends RuntimeException {

    public LastAdminException() {
        super("the tenant must keep at least one enabled administrator");
    }
}
