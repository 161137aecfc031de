package io.oriole.triage;

/** Rough effort estimate for handling the request. */
public enum Complexity {
    LOW, MEDIUM, HIGH
}
