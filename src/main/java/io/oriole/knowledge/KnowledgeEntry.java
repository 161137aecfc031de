package io.oriole.knowledge;

import java.time.Instant;
import java.util.List;

import io.oriole.triage.Language;

/**
 * An article or FAQ entry. {@code title} is the canonical question, {@code phrasings} other ways customers ask
 * it, {@code body} the answer in Markdown. {@code version} starts at 1 and grows with every edit.
 */
public record KnowledgeEntry(long id, long tenantId, String title, String body, List<String> phrasings,
        String category, Language language, List<String> tags, EntryStatus status, int version, Instant createdAt,
        Instant updatedAt, String updatedBy) {

    /** The canonical question followed by its alternative phrasings. */
    public List<String> questions() {
        List<String> all = new java.util.ArrayList<>(phrasings.size() + 1);
        all.add(title);
        all.addAll(phrasings);
        return all;
    }
}
