/**
 * Conversations with customers on every channel: messages, internal notes, participants, assignment,
 * status and the timeline of what happened. Announces each fact as an event.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversation")
package io.oriole.conversation;
