package io.oriole.simulation.internal;

/**
 * One call (or conversation) that asked for an agent, as recorded.
 *
 * @param line        line number in the trace file, for messages
 * @param id          the call's id in the trace
 * @param priority    the trace's priority label, for example {@code "2"} or {@code "P1"}
 * @param skill       the service type or queue: the skill an agent needs
 * @param arrival     seconds since the epoch when it joined the queue (or reached an agent at once)
 * @param served      whether an agent answered it historically; otherwise the customer gave up
 * @param waited        historical seconds in the queue: until answered, or until the customer gave up
 * @param service     historical handling seconds when served, 0 otherwise
 * @param server      who served it historically, or {@code null}
 */
public record TraceCall(int line, String id, String priority, String skill, long arrival, boolean served, long waited,
        long service, String server) {

    public long answeredAt() {
        return arrival + waited;
    }
}
