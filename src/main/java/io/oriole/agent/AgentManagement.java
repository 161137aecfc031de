package io.oriole.agent;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.oriole.agent.internal.AgentRepository;
import io.oriole.agent.internal.DepartmentRepository;
import io.oriole.shared.AfterCommit;
import io.oriole.shared.TimedCache;
import io.oriole.tenant.TenantId;

/** Agent profiles and departments of a tenant. */
@Service
public class AgentManagement {

    private final AgentRepository agents;
    private final DepartmentRepository departments;
    private final Clock clock;
    /** The roster routing reads on every round; another node's profile edit reaches it within this. */
    public static final Duration ROSTER_CACHED_FOR = Duration.ofSeconds(3);
    private final TimedCache<Long, List<Agent>> rosters = new TimedCache<>(ROSTER_CACHED_FOR, 10_000);

    AgentManagement(AgentRepository agents, DepartmentRepository departments, Clock clock) {
        this.agents = agents;
        this.departments = departments;
        this.clock = clock;
    }

    /** What an agent profile says, as given by an admin; validated before anything is written. */
    public record AgentProfile(String displayName, Tier tier, int maxConcurrent, List<String> languages,
            Set<String> departments, Map<String, Integer> skills) {
    }

    @Transactional
    public Agent create(TenantId tenant, long userId, AgentProfile profile) {
        validate(tenant, profile);
        changed(tenant);
        if (agents.findByTenantIdAndUserId(tenant.value(), userId).isPresent()) {
            throw new IllegalArgumentException("user " + userId + " already has an agent profile");
        }
        return agents.save(new Agent(null, tenant.value(), userId, profile.displayName(), profile.tier(),
                profile.maxConcurrent(), String.join(",", profile.languages()), clock.instant(),
                departmentsOf(tenant, profile), skillsOf(tenant, profile)));
    }

    @Transactional
    public Optional<Agent> update(TenantId tenant, long agentId, AgentProfile profile) {
        validate(tenant, profile);
        changed(tenant);
        return agents.findByTenantIdAndId(tenant.value(), agentId).map(a -> agents.save(a.withProfile(
                profile.displayName(), profile.tier(), profile.maxConcurrent(), String.join(",", profile.languages()),
                departmentsOf(tenant, profile), skillsOf(tenant, profile))));
    }

    /** Read from the {@linkplain #roster(TenantId) roster}: asked on every routing step and workspace request. */
    public Optional<Agent> find(TenantId tenant, long agentId) {
        return roster(tenant).stream().filter(a -> a.id() == agentId).findFirst();
    }

    /** Read from the {@linkplain #roster(TenantId) roster}: asked on every workspace request. */
    public Optional<Agent> findByUser(TenantId tenant, long userId) {
        return roster(tenant).stream().filter(a -> a.userId() == userId).findFirst();
    }

    public List<Agent> list(TenantId tenant) {
        return agents.findByTenantIdOrderByDisplayName(tenant.value());
    }

    /**
     * The same list for the hot paths (every routing round, every wait estimate), read through a cache of
     * {@link #ROSTER_CACHED_FOR}: edits made on this node show at once, edits on another node within that time.
     */
    public List<Agent> roster(TenantId tenant) {
        return rosters.get(tenant.value(), t -> List.copyOf(agents.findByTenantIdOrderByDisplayName(t)));
    }

    private void changed(TenantId tenant) {
        rosters.invalidate(tenant.value());
        AfterCommit.run(() -> rosters.invalidate(tenant.value()));
    }

    @Transactional
    public Department createDepartment(TenantId tenant, String code, String name) {
        return departments.save(new Department(null, tenant.value(), code, name));
    }

    public List<Department> departments(TenantId tenant) {
        return departments.findByTenantIdOrderByCode(tenant.value());
    }

    private void validate(TenantId tenant, AgentProfile profile) {
        if (profile.maxConcurrent() < 1 || profile.maxConcurrent() > 50) {
            throw new IllegalArgumentException("maxConcurrent must be between 1 and 50");
        }
        Set<String> known = departments(tenant).stream().map(Department::code).collect(Collectors.toSet());
        for (String code : profile.departments()) {
            if (!known.contains(code)) {
                throw new IllegalArgumentException("unknown department " + code);
            }
        }
        profile.skills().forEach((skill, level) -> {
            if (level == null || level < 1 || level > 5) {
                throw new IllegalArgumentException("skill level of " + skill + " must be between 1 and 5");
            }
        });
    }

    private static Set<AgentDepartment> departmentsOf(TenantId tenant, AgentProfile profile) {
        return profile.departments().stream().map(code -> new AgentDepartment(tenant.value(), code))
                .collect(Collectors.toSet());
    }

    private static Set<AgentSkill> skillsOf(TenantId tenant, AgentProfile profile) {
        return profile.skills().entrySet().stream()
                .map(e -> new AgentSkill(tenant.value(), e.getKey(), e.getValue())).collect(Collectors.toSet());
    }
}
