package io.oriole.web.console;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement.AgentProfile;
import io.oriole.agent.AgentManagement;
import io.oriole.agent.Tier;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.Role;
import io.oriole.identity.StaffPrincipal;
import io.oriole.identity.User;
import io.oriole.identity.UserManagement;

/** Supervisors and admins see the tenant's staff; admins add users, with an agent profile if they take chats. */
@Controller
class ConsoleController {

    private final UserManagement users;
    private final AgentManagement agents;
    private final TransactionTemplate tx;

    ConsoleController(UserManagement users, AgentManagement agents, TransactionTemplate tx) {
        this.users = users;
        this.agents = agents;
        this.tx = tx;
    }

    /** The new-user form; agent fields are used only when {@code agent} is ticked. */
    record NewUser(String email, String displayName, String password, Role role, String locale, Boolean agent,
            Tier tier, Integer maxConcurrent, List<String> departments, String skills, String languages) {
    }

    @RequiresPermission(Permission.VIEW_REPORTS)
    @GetMapping("/console")
    String console(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        List<User> staff = users.list(me.tenantId(), 0, 200);
        List<Agent> profiles = agents.list(me.tenantId());
        model.addAttribute("me", me);
        model.addAttribute("users", staff);
        model.addAttribute("agents", profiles);
        model.addAttribute("userNames", staff.stream().collect(Collectors.toMap(User::id, User::email)));
        model.addAttribute("departments", agents.departments(me.tenantId()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("tiers", Tier.values());
        return "console/index";
    }

    @RequiresPermission(Permission.MANAGE_USERS)
    @PostMapping("/console/users")
    String create(@AuthenticationPrincipal StaffPrincipal me, @ModelAttribute NewUser form, RedirectAttributes flash) {
        try {
            // User and agent profile together or not at all.
            tx.executeWithoutResult(s -> {
                User user = users.create(me.tenantId(), form.email(), blankToNull(form.displayName(), form.email()),
                        form.password(), form.role() == null ? Role.AGENT : form.role(),
                        blankToNull(form.locale(), "zh-CN"));
                if (Boolean.TRUE.equals(form.agent())) {
                    agents.create(me.tenantId(), user.id(), new AgentProfile(user.displayName(),
                            form.tier() == null ? Tier.L1 : form.tier(),
                            form.maxConcurrent() == null ? 5 : form.maxConcurrent(),
                            split(blankToNull(form.languages(), "zh,en")),
                            form.departments() == null ? Set.of() : Set.copyOf(form.departments()),
                            skills(form.skills())));
                }
            });
            flash.addFlashAttribute("created", form.email());
        }
        catch (IllegalArgumentException | UserManagement.EmailAlreadyUsedException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console";
    }

    /** {@code billing:4, technical:2} to skill levels; a skill without a level counts as 3. */
    static Map<String, Integer> skills(String text) {
        Map<String, Integer> skills = new LinkedHashMap<>();
        for (String item : split(text)) {
            String[] parts = item.split(":", 2);
            try {
                skills.put(parts[0].trim(), parts.length == 2 ? Integer.parseInt(parts[1].trim()) : 3);
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("skill level of " + parts[0].trim() + " must be a number");
            }
        }
        return skills;
    }

    static List<String> split(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static String blankToNull(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
