package io.oriole.agent;

import org.springframework.data.relational.core.mapping.Table;

/** A skill an agent has, with a level from 1 (basic) to 5 (expert). */
@Table("agent_skill")
public record AgentSkill(long tenantId, String skill, int level) {
}
