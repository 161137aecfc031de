package io.oriole.web.workspace;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.oriole.conversation.Conversation;
import io.oriole.identity.StaffPrincipal;
import io.oriole.sla.SlaManagement;
import io.oriole.sla.SlaRecord;
import io.oriole.sla.SlaStatus;

/**
 * What the workspace's SLA fragments show, handed to the templates as {@code slaView} (see {@link SlaViewAdvice}) so that the inbox and
 * conversation pages gain countdowns without their controllers knowing about SLAs. {@link #now()} is the server's
 * clock: countdowns count from it, not from the browser's, so they agree with the stored deadlines.
 */
@Component("slaView")
public class SlaView {

    private final SlaManagement sla;
    private final Clock clock;

    SlaView(SlaManagement sla, Clock clock) {
        this.sla = sla;
        this.clock = clock;
    }

    public Map<Long, SlaStatus> of(StaffPrincipal me, List<Conversation> conversations) {
        return sla.statuses(me.tenantId(), conversations.stream().map(Conversation::id).toList());
    }

    public SlaStatus status(StaffPrincipal me, long conversationId) {
        return sla.status(me.tenantId(), conversationId).orElse(null);
    }

    public List<SlaRecord> events(StaffPrincipal me, long conversationId) {
        List<SlaRecord> newestFirst = new java.util.ArrayList<>(sla.events(me.tenantId(), conversationId));
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    public String now() {
        return clock.instant().toString();
    }
}
