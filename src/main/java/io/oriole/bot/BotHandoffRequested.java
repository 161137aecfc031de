package io.oriole.bot;

import java.time.Instant;
import java.util.List;

import io.oriole.triage.TriageResult;

/**
 * The bot handed the conversation to people: routing should put it in front of an agent. Carries what the agent
 * needs to start informed: the {@code transcript} so far, the latest {@code triage} (null only if triage could not
 * run) and a {@code summary} of what was asked and answered. {@code staffAvailable} false means the customer was
 * told that nobody is online or it is outside business hours; the conversation still waits in the queue with its
 * SLA.
 */
public record BotHandoffRequested(long tenantId, long conversationId, long customerId, HandoffReason reason,
        List<TranscriptLine> transcript, TriageResult triage, String summary, boolean staffAvailable,
        Instant occurredAt) {
}
