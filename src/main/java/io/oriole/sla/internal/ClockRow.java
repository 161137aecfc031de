package io.oriole.sla.internal;

import java.time.Instant;

import io.oriole.sla.MatchFacts;
import io.oriole.sla.model.ConversationClock;
import io.oriole.sla.model.Deadlines;

/** One stored {@code sla_clock} row: who and what it is about, the applied policy, the clock and its deadlines. */
record ClockRow(long tenantId, long conversationId, long customerId, MatchFacts facts, Long policyId,
        String policyName, Long assigneeAgentId, ConversationClock.Snapshot clock, Deadlines deadlines,
        Instant nextActionAt) {

    ClockRow with(MatchFacts newFacts, Long newPolicyId, String newPolicyName, Long newAssignee,
            ConversationClock.Snapshot newClock, Deadlines newDeadlines) {
        return new ClockRow(tenantId, conversationId, customerId, newFacts, newPolicyId, newPolicyName, newAssignee,
                newClock, newDeadlines, newDeadlines.nextActionAt());
    }
}
