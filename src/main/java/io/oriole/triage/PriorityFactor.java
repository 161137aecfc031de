package io.oriole.triage;

/** One reason a conversation sits where it sits, e.g. {@code ("vip", "VIP gold", 20)}. */
public record PriorityFactor(String name, String description, int points) {

    @Override
    public String toString() {
        return description + " (" + (points >= 0 ? "+" : "") + points + ")";
    }
}
