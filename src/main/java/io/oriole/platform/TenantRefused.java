package io.oriole.platform;

import io.oriole.shared.Refusal;

/** The operator's request about a tenant cannot be carried out; {@link #field()} names the input at fault. */
public class TenantRefused extends Refusal {

    public enum Reason {
        INVALID_SLUG, SLUG_TAKEN, INVALID_NAME, UNSUPPORTED_LOCALE, UNKNOWN_TIME_ZONE, INVALID_EMAIL, WEAK_PASSWORD,
        NOT_SUSPENDED
    }

    public TenantRefused(Reason reason, String field) {
        super(reason == Reason.SLUG_TAKEN || reason == Reason.NOT_SUSPENDED ? Kind.CONFLICT : Kind.INVALID, reason,
                field, detail(reason));
    }

    private static String detail(Reason reason) {
        return switch (reason) {
            case INVALID_SLUG -> "slug must be 2-63 lower-case letters, digits or dashes";
            case SLUG_TAKEN -> "a tenant with this slug already exists";
            case INVALID_NAME -> "name must be 1-200 characters";
            case UNSUPPORTED_LOCALE -> "locale must be en or zh-CN";
            case UNKNOWN_TIME_ZONE -> "timeZone must be an IANA time zone such as Asia/Shanghai";
            case INVALID_EMAIL -> "adminEmail must be an e-mail address";
            case WEAK_PASSWORD -> "adminPassword must have 10 to 200 characters";
            case NOT_SUSPENDED -> "only a suspended tenant can be deleted";
        };
    }
}
