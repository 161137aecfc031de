package io.oriole.web.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.oriole.conversation.ConversationManagement;
import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.PriorityOverride;
import io.oriole.triage.TriageManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Setting a conversation's priority by hand, with who and why kept. Supervisors and admins only. */
@RestController
@RequestMapping("/api/v1/conversations/{id}/priority")
@Tag(name = "Conversations")
class PriorityController {

    private final ConversationManagement conversations;
    private final TriageManagement triage;

    PriorityController(ConversationManagement conversations, TriageManagement triage) {
        this.conversations = conversations;
        this.triage = triage;
    }

    /** {@code level} null hands the priority back to triage. */
    record OverridePriority(PriorityLevel level, @NotBlank @Size(max = 500) String reason) {
    }

    record OverrideResponse(long conversationId, PriorityLevel level, PriorityLevel previousLevel, String reason,
            long byUserId, String byName, Instant at) {

        static OverrideResponse of(PriorityOverride o) {
            return new OverrideResponse(o.conversationId(), o.level(), o.previousLevel(), o.reason(), o.byUserId(),
                    o.byName(), o.at());
        }
    }

    @RequiresPermission(Permission.OVERRIDE_PRIORITY)
    @PutMapping
    @Operation(summary = "Override the priority (SUPERVISOR or ADMIN), with a reason",
            description = "The level stays in force over later messages until an override with level null hands "
                    + "it back to triage. Routing and SLA see the change at once.")
    OverrideResponse override(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id,
            @Valid @RequestBody OverridePriority request) {
        conversations.get(me.tenantId(), id);
        PriorityOverride o = request.level() == null
                ? triage.clearPriorityOverride(me.tenantId(), id, request.reason(), me.userId(), me.displayName())
                : triage.overridePriority(me.tenantId(), id, request.level(), request.reason(), me.userId(),
                        me.displayName());
        return OverrideResponse.of(o);
    }

    @RequiresPermission(Permission.VIEW_CONVERSATIONS)
    @GetMapping("/overrides")
    @Operation(summary = "Every priority override of the conversation, oldest first")
    List<OverrideResponse> overrides(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        conversations.get(me.tenantId(), id);
        return triage.priorityOverrides(me.tenantId(), id).stream().map(OverrideResponse::of).toList();
    }
}
