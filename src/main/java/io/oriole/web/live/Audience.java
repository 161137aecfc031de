package io.oriole.web.live;

/**
 * Who hears a live push: every staff socket of a tenant, only its supervisors' and admins' sockets, or the sockets
 * of one customer of that tenant. A push names its audience so that any node can deliver it to the sockets it holds,
 * whichever node committed the change.
 */
record Audience(Kind kind, long tenantId, long customerId) {

    enum Kind {
        STAFF, SUPERVISORS, CUSTOMER
    }

    static Audience staff(long tenantId) {
        return new Audience(Kind.STAFF, tenantId, 0);
    }

    static Audience supervisors(long tenantId) {
        return new Audience(Kind.SUPERVISORS, tenantId, 0);
    }

    static Audience customer(long tenantId, long customerId) {
        return new Audience(Kind.CUSTOMER, tenantId, customerId);
    }
}
