package io.oriole.web.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement.AgentProfile;
import io.oriole.agent.AgentManagement;
import io.oriole.agent.AgentSkill;
import io.oriole.agent.Tier;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.identity.UserManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/agents")
@Tag(name = "Agents", description = "Agent profiles: tier, departments, skills, capacity and languages")
class AgentController {

    private final AgentManagement agents;
    private final UserManagement users;

    AgentController(AgentManagement agents, UserManagement users) {
        this.agents = agents;
        this.users = users;
    }

    /**
     * An agent profile as an admin writes it. {@code userId} names the staff user the profile belongs to and is
     * read on create only. Department codes must exist; skill levels run from 1 to 5. At most six language tags
     * of up to eight characters fit the stored comma-separated list.
     */
    record SaveAgent(Long userId, @NotBlank @Size(max = 120) String displayName, @NotNull Tier tier,
            @NotNull @Min(1) @Max(50) Integer maxConcurrent,
            @NoNullItems @NotEmpty @Size(max = 6) List<@NotBlank @Size(max = 8) String> languages,
            @NoNullItems Set<@NotBlank String> departments,
            @NoNullItems Map<@NotBlank @Size(max = 64) String, @NotNull @Min(1) @Max(5) Integer> skills) {

        AgentProfile profile() {
            return new AgentProfile(displayName.strip(), tier, maxConcurrent,
                    languages.stream().map(String::strip).toList(), departments == null ? Set.of() : departments,
                    skills == null ? Map.of() : skills);
        }
    }

    record AgentResponse(long id, long userId, String displayName, Tier tier, int maxConcurrent,
            List<String> languages, Set<String> departments, Map<String, Integer> skills, Instant createdAt) {

        static AgentResponse of(Agent a) {
            Map<String, Integer> skills = new TreeMap<>();
            for (AgentSkill skill : a.skills()) {
                skills.put(skill.skill(), skill.level());
            }
            return new AgentResponse(a.id(), a.userId(), a.displayName(), a.tier(), a.maxConcurrent(),
                    a.languageList(), new TreeSet<>(a.departmentCodes()), skills, a.createdAt());
        }
    }

    @RequiresPermission(Permission.VIEW_TEAM)
    @GetMapping
    List<AgentResponse> list(@AuthenticationPrincipal StaffPrincipal me) {
        return agents.list(me.tenantId()).stream().map(AgentResponse::of).toList();
    }

    @RequiresPermission(Permission.VIEW_TEAM)
    @GetMapping("/{id}")
    AgentResponse get(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        return agents.find(me.tenantId(), id).map(AgentResponse::of)
                .orElseThrow(() -> new UnknownIdException("agent", id));
    }

    @RequiresPermission(Permission.MANAGE_USERS)
    @PostMapping
    @Operation(summary = "Create the agent profile of an existing user (ADMIN)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<AgentResponse> create(@AuthenticationPrincipal StaffPrincipal me,
            @Valid @RequestBody SaveAgent request) {
        if (request.userId() == null) {
            throw new InvalidFieldException("userId", "must not be null");
        }
        users.find(me.tenantId(), request.userId())
                .orElseThrow(() -> new UnknownIdException("user", request.userId()));
        Agent created = agents.create(me.tenantId(), request.userId(), request.profile());
        return ResponseEntity.created(URI.create("/api/v1/agents/" + created.id())).body(AgentResponse.of(created));
    }

    @RequiresPermission(Permission.MANAGE_USERS)
    @PutMapping("/{id}")
    @Operation(summary = "Replace an agent profile (ADMIN)")
    AgentResponse update(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @Valid @RequestBody SaveAgent request) {
        return agents.update(me.tenantId(), id, request.profile()).map(AgentResponse::of)
                .orElseThrow(() -> new UnknownIdException("agent", id));
    }
}
