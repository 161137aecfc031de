package io.oriole.triage.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;

/**
 * Surface features that complement sentence embeddings: hashed, L2-normalised bags of
 * <ul>
 * <li>Latin words, word bigrams and character trigrams of each word (typos share trigrams:
 * "refund"/"refnud");</li>
 * <li>Han characters, character bigrams and HanLP words (segmentation decides "打开" vs "开"+"...").</li>
 * </ul>
 * Counts are damped with 1 + log(count). Collisions are harmless at this size for a few thousand
 * training sentences.
 */
public final class TextFeatures {

    public static final int DEFAULT_BUCKETS = 1 << 14;

    private final int buckets;

    public TextFeatures(int buckets) {
        this.buckets = buckets;
    }

    public int buckets() {
        return buckets;
    }

    public static String normalise(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    public SparseVector extract(String text) {
        String t = normalise(text);
        Map<Integer, Float> counts = new HashMap<>();
        List<String> words = new ArrayList<>();
        StringBuilder han = new StringBuilder();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            boolean isHan = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            if (!isHan && Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
                continue;
            }
            flushWord(word, words);
            if (isHan) {
                han.appendCodePoint(cp);
            } else {
                flushHan(han, counts);
            }
        }
        flushWord(word, words);
        flushHan(han, counts);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            add(counts, "w:" + w);
            if (i > 0) {
                add(counts, "b:" + words.get(i - 1) + ' ' + w);
            }
            String padded = '<' + w + '>';
            for (int j = 0; j + 3 <= padded.length(); j++) {
                add(counts, "c:" + padded.substring(j, j + 3));
            }
        }
        return toVector(counts);
    }

    private static void flushWord(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private void flushHan(StringBuilder han, Map<Integer, Float> counts) {
        if (han.length() == 0) {
            return;
        }
        String run = han.toString();
        han.setLength(0);
        for (int j = 0; j < run.length(); j++) {
            add(counts, "h:" + run.charAt(j));
            if (j + 1 < run.length()) {
                add(counts, "hh:" + run.substring(j, j + 2));
            }
        }
        if (run.length() > 1) {
            for (Term term : HanLP.segment(run)) {
                if (term.word.length() > 1) {
                    add(counts, "z:" + term.word);
                }
            }
        }
    }

    private void add(Map<Integer, Float> counts, String feature) {
        counts.merge(bucket(feature), 1f, Float::sum);
    }

    private int bucket(String feature) {
        int h = feature.hashCode() * 0x9E3779B9;
        h ^= h >>> 16;
        return Math.floorMod(h, buckets);
    }

    private static SparseVector toVector(Map<Integer, Float> counts) {
        if (counts.isEmpty()) {
            return SparseVector.EMPTY;
        }
        int[] idx = new int[counts.size()];
        float[] val = new float[counts.size()];
        double norm = 0;
        int k = 0;
        for (var e : counts.entrySet()) {
            idx[k] = e.getKey();
            val[k] = (float) (1 + Math.log(e.getValue()));
            norm += val[k] * val[k];
            k++;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int j = 0; j < val.length; j++) {
            val[j] *= inv;
        }
        return new SparseVector(idx, val);
    }
}
