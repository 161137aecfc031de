package io.oriole.shared;

/**
 * A module's "no" to a request that breaks one of its rules, with the reason as a named constant and the input
 * field it concerns. Each module names its refusals ({@code TransferRefused}, {@code TenantRefused}, …) and checks
 * each rule once, inside its own transaction; the edges translate a refusal into an RFC 9457 problem (with
 * {@code field} and {@code reason}) or into the message {@code <reason type>.<REASON>} of the reader's language.
 */
public abstract class Refusal extends RuntimeException {

    /** Whether the input itself is wrong (answered 422) or the state of things forbids it now (answered 409). */
    public enum Kind {
        INVALID, CONFLICT
    }

    private final Kind kind;
    private final Enum<?> reason;
    private final String field;

    protected Refusal(Kind kind, Enum<?> reason, String field, String detail) {
        super(detail == null ? reason.name() : detail, null, false, false);
        this.kind = kind;
        this.reason = reason;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    public Enum<?> reason() {
        return reason;
    }

    /** The request field the refusal concerns, or null when it concerns the request as a whole. */
    public String field() {
        return field;
    }

    /** The message key of the reason, for example {@code TransferRefused.AGENT_OFFLINE}. */
    public String messageKey() {
        return getClass().getSimpleName() + "." + reason.name();
    }
}
