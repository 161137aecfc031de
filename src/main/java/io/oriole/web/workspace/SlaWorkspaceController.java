package io.oriole.web.workspace;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.oriole.conversation.ConversationManagement;
import io.oriole.conversation.ConversationNotFoundException;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;

/** The SLA panel of an open conversation, reloaded whenever the conversation or its SLA changes. */
@RequiresPermission(Permission.VIEW_CONVERSATIONS)
@Controller
class SlaWorkspaceController {

    private final ConversationManagement conversations;

    SlaWorkspaceController(ConversationManagement conversations) {
        this.conversations = conversations;
    }

    @GetMapping("/workspace/conversations/{id}/sla")
    String panel(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id, Model model) {
        model.addAttribute("conversation", conversations.get(me.tenantId(), id));
        model.addAttribute("me", me);
        return "workspace/sla :: panel";
    }

    @ExceptionHandler(ConversationNotFoundException.class)
    ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body("Not found");
    }
}
