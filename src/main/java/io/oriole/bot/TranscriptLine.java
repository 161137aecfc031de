package io.oriole.bot;

import java.time.Instant;

/** One public message of the conversation up to the handoff; {@code author} is customer, bot or agent. */
public record TranscriptLine(long seq, String author, String authorName, String text, Instant at) {
}
