package io.oriole.agent;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An agent profile, attached to one staff user. {@code maxConcurrent} is the number of conversations the
 * agent may hold at once; {@code languages} is a comma-separated list such as {@code zh,en}.
 */
@Table("agent")
public record Agent(@Id Long id, long tenantId, long userId, String displayName, Tier tier, int maxConcurrent,
        String languages, Instant createdAt,
        @MappedCollection(idColumn = "agent_id") Set<AgentDepartment> departments,
        @MappedCollection(idColumn = "agent_id") Set<AgentSkill> skills) {

    public Agent withId(Long newId) {
        return new Agent(newId, tenantId, userId, displayName, tier, maxConcurrent, languages, createdAt, departments,
                skills);
    }

    public Agent withProfile(String newName, Tier newTier, int newMax, String newLanguages,
            Set<AgentDepartment> newDepartments, Set<AgentSkill> newSkills) {
        return new Agent(id, tenantId, userId, newName, newTier, newMax, newLanguages, createdAt, newDepartments,
                newSkills);
    }

    public List<String> languageList() {
        return Arrays.stream(languages.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public Set<String> departmentCodes() {
        return departments.stream().map(AgentDepartment::departmentCode).collect(Collectors.toSet());
    }
}
