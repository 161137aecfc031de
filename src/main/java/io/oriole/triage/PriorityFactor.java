package io.oriole.triage;

/** One reason a conversation sits where it sits, e.g. {@code ("vip", "VIP gold", 20)}. */
public record PriorityFactor(String name, String description, int points) {

    /** The name of the factor a manual override adds; it carries no points, since the level is set by hand. */
    public static final String OVERRIDE = "override";

    @Override
    public String toString() {
        if (OVERRIDE.equals(name)) {
            return description;
        }
        return description + " (" + (points >= 0 ? "+" : "") + points + ")";
    }
}
