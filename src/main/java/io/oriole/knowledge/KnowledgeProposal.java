package io.oriole.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * Open questions someone without the right to publish has answered, waiting for a supervisor or admin: a new draft
 * {@code entry} answering them, or an existing entry that is to take them as phrasings ({@link #extendsEntry()}).
 */
public record KnowledgeProposal(KnowledgeEntry entry, List<OpenQuestion> questions, String proposedBy,
        Instant proposedAt) {

    public KnowledgeProposal {
        questions = List.copyOf(questions);
    }

    /** True when the proposal adds phrasings to a published entry rather than publishing a new one. */
    public boolean extendsEntry() {
        return entry.status() == EntryStatus.PUBLISHED;
    }
}
