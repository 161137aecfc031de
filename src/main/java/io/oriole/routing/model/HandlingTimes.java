package io.oriole.routing.model;

import java.time.Duration;

/** Predicts how long an agent will take over a kind of work. */
public interface HandlingTimes {

    /**
     * @param agentId the agent
     * @param intent  the work's triage intent, or {@code null} when unknown
     * @return the expected handling time, never null
     */
    Duration predict(long agentId, String intent);

    /** The same prediction for everyone: useful where nothing has been learned yet. */
    static HandlingTimes constant(Duration handling) {
        return (agentId, intent) -> handling;
    }
}
