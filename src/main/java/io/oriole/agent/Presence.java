package io.oriole.agent;

/** Whether an agent takes new work: only {@code ONLINE} agents receive offers. */
public enum Presence {
    ONLINE, AWAY, OFFLINE
}
