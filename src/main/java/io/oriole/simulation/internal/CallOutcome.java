package io.oriole.simulation.internal;

/** What one customer experienced: answered after {@code waited} seconds, or gave up after {@code waited}. */
public record CallOutcome(String priority, boolean served, long waited) {

    static CallOutcome historical(TraceCall call) {
        return new CallOutcome(call.priority(), call.served(), call.waited());
    }
}
