package io.oriole.agent;

import org.springframework.data.relational.core.mapping.Table;

/** Membership of an agent in a department, by the department's code. */
@Table("agent_department")
public record AgentDepartment(long tenantId, String departmentCode) {
}
