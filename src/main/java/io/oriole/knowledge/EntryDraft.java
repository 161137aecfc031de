package io.oriole.knowledge;

import java.util.List;

import io.oriole.triage.Language;

/**
 * What an editor writes: the content of a new entry or the full new content of an existing one. Limits:
 * title 1–{@value #MAX_TITLE} characters, body 1–{@value #MAX_BODY}, at most {@value #MAX_PHRASINGS} phrasings of
 * at most {@value #MAX_TITLE} characters each, category 1–64, tags together at most 500 characters.
 */
public record EntryDraft(String title, String body, List<String> phrasings, String category, Language language,
        List<String> tags, EntryStatus status) {

    public static final int MAX_TITLE = 300;
    public static final int MAX_BODY = 20_000;
    public static final int MAX_PHRASINGS = 50;
    public static final int MAX_CATEGORY = 64;
    public static final int MAX_TAGS = 500;

    public EntryDraft {
        phrasings = phrasings == null ? List.of()
                : phrasings.stream().filter(p -> p != null && !p.isBlank()).map(String::strip).distinct().toList();
        tags = tags == null ? List.of()
                : tags.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
        title = title == null ? null : title.strip();
        category = category == null ? null : category.strip();
    }

    /**
     * Checks the limits and names the first field that breaks one.
     *
     * @throws InvalidEntryException naming the field
     */
    public void validate() {
        if (title == null || title.isEmpty() || title.length() > MAX_TITLE) {
            throw new InvalidEntryException("title", "must be 1 to " + MAX_TITLE + " characters");
        }
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            throw new InvalidEntryException("body", "must be 1 to " + MAX_BODY + " characters");
        }
        if (phrasings.size() > MAX_PHRASINGS || phrasings.stream().anyMatch(p -> p.length() > MAX_TITLE
                || p.contains("\n"))) {
            throw new InvalidEntryException("phrasings", "at most " + MAX_PHRASINGS + " single-line phrasings of at most "
                    + MAX_TITLE + " characters");
        }
        if (category == null || category.isEmpty() || category.length() > MAX_CATEGORY) {
            throw new InvalidEntryException("category", "must be 1 to " + MAX_CATEGORY + " characters");
        }
        if (language == null) {
            throw new InvalidEntryException("language", "must be zh or en");
        }
        if (String.join(",", tags).length() > MAX_TAGS || tags.stream().anyMatch(t -> t.contains(","))) {
            throw new InvalidEntryException("tags", "must be at most " + MAX_TAGS + " characters together, no commas");
        }
        if (status == null) {
            throw new InvalidEntryException("status", "must be DRAFT or PUBLISHED");
        }
    }
}
