package io.oriole.triage;

/** P1 is handled first. */
public enum PriorityLevel {
    P1, P2, P3, P4
}
