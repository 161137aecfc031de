package io.oriole.triage;

/** How bad the reported situation is, independent of who reports it. */
public enum Urgency {
    /** The whole service is unavailable for many users. */
    SYSTEM_DOWN,
    /** A core function (payment, login, ordering) fails. */
    CORE_FUNCTION_FAILURE,
    /** Account takeover, data leak, fraud. */
    SECURITY_INCIDENT,
    ORDINARY
}
