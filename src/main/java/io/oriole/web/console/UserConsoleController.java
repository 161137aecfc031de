package io.oriole.web.console;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement.AgentProfile;
import io.oriole.agent.AgentManagement;
import io.oriole.agent.Tier;
import io.oriole.identity.LastAdminException;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.Role;
import io.oriole.identity.StaffPrincipal;
import io.oriole.identity.User;
import io.oriole.identity.UserManagement;

/**
 * An administrator changes a staff member: name, role, language, whether they may sign in, and their agent profile
 * (tier, capacity, languages, departments, skills). Saved together or not at all. Disabling ends the person's
 * sessions and takes them offline; nobody can disable or demote themselves, and the last enabled administrator
 * stays one.
 */
@RequiresPermission(Permission.MANAGE_USERS)
@Controller
class UserConsoleController {

    private final UserManagement users;
    private final AgentManagement agents;
    private final TransactionTemplate tx;

    UserConsoleController(UserManagement users, AgentManagement agents, TransactionTemplate tx) {
        this.users = users;
        this.agents = agents;
        this.tx = tx;
    }

    /** The edit form; agent fields apply only to users with an agent profile. */
    record EditUser(String displayName, Role role, String locale, Boolean enabled, Tier tier, Integer maxConcurrent,
            List<String> departments, String skills, String languages) {
    }

    @GetMapping("/console/users/{id}")
    String edit(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, Model model) {
        User user = userOf(me, id);
        Optional<Agent> agent = agents.findByUser(me.tenantId(), id);
        model.addAttribute("me", me);
        model.addAttribute("user", user);
        model.addAttribute("agent", agent.orElse(null));
        model.addAttribute("skillsText", agent.map(a -> a.skills().stream()
                .map(s -> s.skill() + ":" + s.level()).sorted().collect(Collectors.joining(", "))).orElse(""));
        model.addAttribute("departments", agents.departments(me.tenantId()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("tiers", Tier.values());
        return "console/user";
    }

    @PostMapping("/console/users/{id}")
    String save(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, @ModelAttribute EditUser form,
            RedirectAttributes flash) {
        User user = userOf(me, id);
        boolean enabled = Boolean.TRUE.equals(form.enabled());
        Role role = form.role() == null ? user.role() : form.role();
        if (id == me.userId() && (!enabled || role != me.role())) {
            flash.addFlashAttribute("problem", "console.notYourself");
            return "redirect:/console/users/" + id;
        }
        try {
            tx.executeWithoutResult(s -> {
                users.update(me.tenantId(), id, ConsoleController.blankToNull(form.displayName(), user.displayName()), role,
                        ConsoleController.blankToNull(form.locale(), user.locale()), enabled);
                agents.findByUser(me.tenantId(), id).ifPresent(a -> agents.update(me.tenantId(), a.id(),
                        new AgentProfile(ConsoleController.blankToNull(form.displayName(), a.displayName()),
                                form.tier() == null ? a.tier() : form.tier(),
                                form.maxConcurrent() == null ? a.maxConcurrent() : form.maxConcurrent(),
                                ConsoleController.split(form.languages()),
                                form.departments() == null ? Set.of() : Set.copyOf(form.departments()),
                                ConsoleController.skills(form.skills()))));
            });
        }
        catch (LastAdminException e) {
            flash.addFlashAttribute("problem", "console.lastAdmin");
            return "redirect:/console/users/" + id;
        }
        catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/console/users/" + id;
        }
        flash.addFlashAttribute("saved", user.email());
        return "redirect:/console";
    }

    private User userOf(StaffPrincipal me, long id) {
        // Another tenant's user is simply not there.
        return users.find(me.tenantId(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
