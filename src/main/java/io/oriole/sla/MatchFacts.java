package io.oriole.sla;

import io.oriole.conversation.Channel;
import io.oriole.customer.CustomerKind;
import io.oriole.customer.VipTier;
import io.oriole.triage.Category;
import io.oriole.triage.PriorityLevel;
import io.oriole.triage.Urgency;

/**
 * What policies are matched against, as known right now. Before triage has run, priority, category, intent and
 * urgency are null, and conditions on them do not match.
 */
public record MatchFacts(PriorityLevel priority, VipTier vipTier, CustomerKind customerKind, Channel channel,
        Category category, String intent, Urgency urgency) {
}
