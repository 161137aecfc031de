package io.oriole.conversation;

/** Where a conversation came in. */
public enum Channel {
    CHAT, EMAIL, PHONE, API, ALERT
}
