package io.oriole.shared;

/**
 * The one rule for text a person sends us (a customer's message or name, a staff reply or note), applied at every
 * edge and again by the module that stores it.
 * <ul>
 * <li>Refused: text longer than the limit <em>as received</em>, before any trimming (so ten megabytes of spaces and
 * one letter are not "one letter"); a NUL character, which PostgreSQL cannot store in text; a lone UTF-16
 * surrogate, which no encoding can store and which used to come back as {@code ?}.</li>
 * <li>Removed: other control characters (tab, line feed and carriage return stay in messages) and the bidi
 * embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which make stored text display in another
 * order than it was written.</li>
 * <li>Refused: what has nothing visible left, e.g. only zero-width spaces, joiners, direction marks or a BOM.</li>
 * </ul>
 * For example {@code message("text", "\u202Eevil\u202C hi")} is {@code "evil hi"},
 * {@code message("text", "\u200B\u200D")} is refused with {@code NOTHING_VISIBLE} and {@code message("text",
 * "a\u0000b")} with {@code INVALID_CHARACTER}. Zero-width joiners inside a word or an emoji sequence stay.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Why text was refused. */
    public enum Reason {
        /** Null, empty or only whitespace. */
        BLANK,
        /** Longer than allowed before trimming. */
        TOO_LONG,
        /** A NUL or an unpaired surrogate. */
        INVALID_CHARACTER,
        /** Only invisible characters: zero-width spaces, joiners, direction marks, controls. */
        NOTHING_VISIBLE
    }

    /** Text refused by {@link PlainText}; {@link #field()} names the input and {@link #max()} the limit. */
    public static final class TextRefused extends Refusal {

        private final int max;

        TextRefused(Reason reason, String field, int max) {
            super(Kind.INVALID, reason, field, detail(reason, field, max));
            this.max = max;
        }

        public int max() {
            return max;
        }

        private static String detail(Reason reason, String field, int max) {
            return switch (reason) {
                case BLANK -> field + " must not be blank";
                case TOO_LONG -> field + " must be at most " + max + " characters";
                case INVALID_CHARACTER -> field + " must not contain NUL characters or unpaired surrogates";
                case NOTHING_VISIBLE -> field + " must contain visible characters";
            };
        }
    }

    /** A message: line breaks and tabs kept, stripped of surrounding whitespace. */
    public static String message(String field, String text, int max) {
        return clean(field, text, max, true);
    }

    /** A name or another one-line value: line breaks and tabs become spaces, surrounding whitespace stripped. */
    public static String line(String field, String text, int max) {
        return clean(field, text, max, false);
    }

    /** Like {@link #line} but null, empty and blank mean "not given" and answer null. */
    public static String optionalLine(String field, String text, int max) {
        return text == null || text.isBlank() ? null : line(field, text, max);
    }

    private static String clean(String field, String text, int max, boolean multiline) {
        if (text == null || text.isEmpty()) {
            throw new TextRefused(Reason.BLANK, field, max);
        }
        if (text.length() > max) {
            throw new TextRefused(Reason.TOO_LONG, field, max);
        }
        StringBuilder kept = new StringBuilder(text.length());
        boolean visible = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new TextRefused(Reason.INVALID_CHARACTER, field, max);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
                kept.append(c).append(text.charAt(++i));
                // Tag characters and the supplementary variation selectors show nothing either.
                visible |= !(codePoint >= 0xE0000 && codePoint <= 0xE01EF);
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw new TextRefused(Reason.INVALID_CHARACTER, field, max);
            }
            if (c == '\n' || c == '\r' || c == '\t') {
                kept.append(multiline ? c : ' ');
            }
            else if (!removed(c)) {
                kept.append(c);
                visible |= !invisible(c);
            }
        }
        String result = kept.toString().strip();
        if (result.isEmpty()) {
            throw new TextRefused(text.isBlank() ? Reason.BLANK : Reason.NOTHING_VISIBLE, field, max);
        }
        if (!visible) {
            throw new TextRefused(Reason.NOTHING_VISIBLE, field, max);
        }
        return result;
    }

    /** Controls and bidi embeddings, overrides and isolates: dropped wherever they are. */
    private static boolean removed(char c) {
        return Character.getType(c) == Character.CONTROL || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /** Characters that show nothing on their own: they may stay inside text, but cannot be all of it. */
    private static boolean invisible(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || (c >= '\u200B' && c <= '\u200F')
                || (c >= '\u2060' && c <= '\u2064') || c == '\uFEFF' || c == '\u00AD' || c == '\u034F'
                || c == '\u180E' || (c >= '\uFE00' && c <= '\uFE0F');
    }
}
