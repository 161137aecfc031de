package io.oriole.conversation;

/** Who wrote a message. */
public enum AuthorType {
    CUSTOMER, AGENT, BOT, SYSTEM
}
