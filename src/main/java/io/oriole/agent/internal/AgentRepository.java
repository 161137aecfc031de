package io.oriole.agent.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.CrudRepository;
import org.springframework.transaction.annotation.Transactional;

import io.oriole.agent.Agent;

/**
 * Every query runs in a read-only transaction: an aggregate with collections is read row by row while its children
 * are loaded, and outside a transaction each of those loads would take a second pooled connection.
 */
@Transactional(readOnly = true)
public interface AgentRepository extends CrudRepository<Agent, Long> {

    Optional<Agent> findByTenantIdAndId(long tenantId, long id);

    Optional<Agent> findByTenantIdAndUserId(long tenantId, long userId);

    List<Agent> findByTenantIdOrderByDisplayName(long tenantId);
}
