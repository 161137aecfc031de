package io.oriole.agent;

/** Support tier: L1 first line, L2 specialists, L3 experts and engineering. */
public enum Tier {
    L1, L2, L3;

    public boolean isSenior() {
        return this != L1;
    }
}
