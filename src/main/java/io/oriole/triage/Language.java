package io.oriole.triage;

/** The languages triage understands; each has its own embedding model. */
public enum Language {
    ZH, EN;

    /** ISO 639-1 code, as stored and shown. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
