package io.oriole.knowledge;

/** Only published entries are searched by the bot and suggested to agents; drafts are work in progress. */
public enum EntryStatus {
    DRAFT, PUBLISHED
}
