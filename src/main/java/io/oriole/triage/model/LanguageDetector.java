package io.oriole.triage.model;

import io.oriole.triage.Language;

/**
 * Tells Chinese from English by script share. One Han character carries roughly the meaning of one
 * English word, so the comparison is Han characters against Latin words: "我的iPhone订单还没到" is
 * Chinese (7 Han characters, 1 word), "please check order 订单" is English (3 words, 2 characters).
 * Text with neither script (digits, emoji) falls back to the given default.
 */
public final class LanguageDetector {

    private LanguageDetector() {
    }

    public static Language detect(String text) {
        return detect(text, Language.EN);
    }

    public static Language detect(String text, Language fallback) {
        double share = hanShare(text);
        if (Double.isNaN(share)) {
            return fallback;
        }
        return share >= 0.5 ? Language.ZH : Language.EN;
    }

    /** Han characters / (Han characters + Latin words), NaN when the text has neither. */
    public static double hanShare(String text) {
        if (text == null) {
            return Double.NaN;
        }
        int han = 0;
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han++;
                inWord = false;
            } else if (cp < 0x250 && Character.isLetter(cp)) {
                if (!inWord) {
                    words++;
                }
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return han + words == 0 ? Double.NaN : (double) han / (han + words);
    }
}
