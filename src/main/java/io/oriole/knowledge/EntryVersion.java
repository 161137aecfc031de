package io.oriole.knowledge;

import java.time.Instant;
import java.util.List;

/** One step of an entry's history: its content after the edit, which fields the edit changed, who and when. */
public record EntryVersion(int version, String title, String body, List<String> phrasings, String category,
        String language, List<String> tags, EntryStatus status, List<String> changedFields, String changedBy,
        Instant changedAt) {
}
