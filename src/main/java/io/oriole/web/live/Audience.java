package io.oriole.web.live;

import java.util.Set;

/**
 * Who hears a live push: every staff socket of a tenant; a conversation's watchers (the agents it concerns, plus
 * every supervisor and admin); only its supervisors' and admins' sockets; or the sockets of one customer of that
 * tenant. A push names its audience so that any node can deliver it to the sockets it holds, whichever node
 * committed the change. A customer who came as an anonymous widget visitor also has a {@code visitorId}: their
 * sockets are joined by it, since they may have opened them before their first message made them a customer.
 */
record Audience(Kind kind, long tenantId, long customerId, Set<Long> agents, String visitorId) {

    enum Kind {
        STAFF, WATCHERS, SUPERVISORS, CUSTOMER
    }

    Audience {
        agents = agents == null ? Set.of() : Set.copyOf(agents);
    }

    Audience(Kind kind, long tenantId, long customerId, Set<Long> agents) {
        this(kind, tenantId, customerId, agents, null);
    }

    static Audience staff(long tenantId) {
        return new Audience(Kind.STAFF, tenantId, 0, Set.of());
    }

    /**
     * The agents a conversation concerns and the supervisors; nobody in particular (an unowned conversation that
     * anyone may pick up) means every staff socket.
     */
    static Audience watchers(long tenantId, Set<Long> agents) {
        return agents.isEmpty() ? staff(tenantId) : new Audience(Kind.WATCHERS, tenantId, 0, agents);
    }

    static Audience supervisors(long tenantId) {
        return new Audience(Kind.SUPERVISORS, tenantId, 0, Set.of());
    }

    static Audience customer(long tenantId, long customerId, String visitorId) {
        return new Audience(Kind.CUSTOMER, tenantId, customerId, Set.of(), visitorId);
    }
}
