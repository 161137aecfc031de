package io.oriole.agent.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

import io.oriole.agent.Agent;

public interface AgentRepository extends CrudRepository<Agent, Long> {

    Optional<Agent> findByTenantIdAndId(long tenantId, long id);

    Optional<Agent> findByTenantIdAndUserId(long tenantId, long userId);

    List<Agent> findByTenantIdOrderByDisplayName(long tenantId);
}
