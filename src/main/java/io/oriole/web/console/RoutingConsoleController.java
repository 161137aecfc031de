package io.oriole.web.console;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.oriole.agent.Agent;
import io.oriole.agent.AgentManagement;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.routing.RoutingManagement;

/** Supervisors see the waiting line and the latest routing decisions with their reasons. */
@RequiresPermission(Permission.VIEW_REPORTS)
@Controller
class RoutingConsoleController {

    private final RoutingManagement routing;
    private final AgentManagement agents;

    RoutingConsoleController(RoutingManagement routing, AgentManagement agents) {
        this.routing = routing;
        this.agents = agents;
    }

    @GetMapping("/console/routing")
    String routing(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        Map<Long, String> names = agents.list(me.tenantId()).stream()
                .collect(Collectors.toMap(Agent::id, Agent::displayName));
        model.addAttribute("me", me);
        model.addAttribute("agentNames", names);
        model.addAttribute("waiting", routing.waitingLine(me.tenantId()));
        model.addAttribute("decisions", routing.decisions(me.tenantId(), null, 100));
        return "console/routing";
    }
}
