package io.oriole.web.widget;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.oriole.customer.Customer;
import io.oriole.customer.CustomerManagement;
import io.oriole.tenant.TenantId;

/**
 * Which customer an anonymous visitor became with their first message. Until a new session renews the token, the
 * token names no customer, so each request asks by visitor id; once found, the answer never changes and is
 * remembered. "Not yet" is not remembered: the first message may be stored on another node a moment later.
 */
final class VisitorCustomers {

    private static final int REMEMBERED = 100_000;

    private final CustomerManagement customers;
    private final Map<String, Long> known = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    });

    VisitorCustomers(CustomerManagement customers) {
        this.customers = customers;
    }

    /** The visitor's customer id, 0 when the visitor has not written yet. */
    long customerId(TenantId tenant, String visitorId) {
        if (visitorId == null) {
            return 0;
        }
        String key = tenant.value() + ":" + visitorId;
        Long id = known.get(key);
        if (id != null) {
            return id;
        }
        long found = customers.findVisitor(tenant, visitorId).map(Customer::id).orElse(0L);
        if (found != 0) {
            known.put(key, found);
        }
        return found;
    }
}
