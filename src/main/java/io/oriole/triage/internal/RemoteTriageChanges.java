package io.oriole.triage.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.oriole.cluster.RemoteChange;

/** Another node changed a tenant's triage: this node's copy follows from the database. */
@Component
class RemoteTriageChanges {

    private static final Logger log = LoggerFactory.getLogger(RemoteTriageChanges.class);

    private final TenantTriages tenants;

    RemoteTriageChanges(TenantTriages tenants) {
        this.tenants = tenants;
    }

    @EventListener
    void on(RemoteChange change) {
        if (TriageOperations.EXAMPLES_CHANGED.equals(change.topic())) {
            log.debug("tenant {}: intent examples changed on another node, retraining", change.tenantId());
            tenants.retrain(change.tenantId());
        }
        else if (TriageOperations.RULES_CHANGED.equals(change.topic())) {
            log.debug("tenant {}: triage rules changed on another node", change.tenantId());
            tenants.refreshRules(change.tenantId());
        }
    }
}
