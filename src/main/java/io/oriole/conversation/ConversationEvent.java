package io.oriole.conversation;

import java.time.Instant;

/** Every fact this module announces carries its tenant, conversation and time. */
public sealed interface ConversationEvent permits ConversationOpened, MessageReceived, AgentReplied,
        InternalNoteAdded, ConversationAssigned, ConversationStatusChanged, ConversationResolved,
        ConversationReopened, CollaboratorInvited, CollaboratorLeft, BotReplied {

    long tenantId();

    long conversationId();

    Instant occurredAt();
}
