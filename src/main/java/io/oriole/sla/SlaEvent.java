package io.oriole.sla;

import java.time.Instant;

import io.oriole.triage.PriorityLevel;

/**
 * Every SLA fact this module announces, with its tenant, conversation, time and the priority the conversation had
 * at that moment (null before triage).
 */
public sealed interface SlaEvent permits SlaApplied, SlaWarningReached, SlaBreached, SlaFulfilled, SlaPaused,
        SlaResumed, SlaEscalated {

    long tenantId();

    long conversationId();

    PriorityLevel priority();

    Instant occurredAt();
}
