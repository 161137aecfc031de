package io.oriole.identity;

import org.springframework.security.authentication.AccountStatusException;

/**
 * The staff member's password is right but a platform operator has suspended their tenant. Raised only after the
 * password matched, so it tells nothing to someone who merely guesses e-mails.
 */
public class TenantSuspendedException extends AccountStatusException {

    public TenantSuspendedException() {
        super("tenant suspended");
    }
}
