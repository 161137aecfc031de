package io.oriole.conversation;

/** Who performs a command: a staff member's agent profile, the customer, or the system itself. */
public record Actor(AuthorType type, Long id, String name) {

    public static Actor agent(long agentId, String name) {
        return new Actor(AuthorType.AGENT, agentId, name);
    }

    public static Actor customer(long customerId, String name) {
        return new Actor(AuthorType.CUSTOMER, customerId, name);
    }

    /** The tenant's answering bot; it has no agent profile. */
    public static Actor bot() {
        return new Actor(AuthorType.BOT, null, "Oriole Bot");
    }

    public static Actor system() {
        return new Actor(AuthorType.SYSTEM, null, "system");
    }
}
