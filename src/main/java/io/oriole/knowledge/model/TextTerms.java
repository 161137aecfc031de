package io.oriole.knowledge.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;

/**
 * Turns question text into terms. Two views of the same text:
 * <ul>
 * <li>{@link #searchTerms} for BM25: HanLP words for Chinese runs ("怎么修改收货地址" → 怎么, 修改, 收货, 地址) and
 * lowercase words for Latin text, minus a few function words;</li>
 * <li>{@link #lexicalTerms} for comparing two short questions: Han characters and character bigrams (robust to
 * segmentation disagreements such as 收货地址 / 收货 地址) plus Latin words.</li>
 * </ul>
 */
public final class TextTerms {

    private static final Set<String> STOP = Set.of("the", "a", "an", "to", "of", "is", "are", "i", "my", "me", "do",
            "does", "can", "how", "what", "for", "in", "on", "and", "or", "it", "be", "you", "your", "please", "的",
            "了", "吗", "呢", "吧", "啊", "我", "你", "是", "在", "么");

    private TextTerms() {
    }

    public static String normalise(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Words for the keyword index and keyword queries. */
    public static List<String> searchTerms(String text) {
        List<String> out = new ArrayList<>();
        forEachRun(normalise(text), (run, han) -> {
            if (han) {
                for (Term term : HanLP.segment(run)) {
                    String w = term.word.strip();
                    if (!w.isEmpty() && !STOP.contains(w)) {
                        out.add(w);
                    }
                }
            }
            else if (!STOP.contains(run)) {
                out.add(stem(run));
            }
        });
        return out;
    }

    /** Distinct characters, bigrams and words, for {@link QuestionSimilarity#lexical}. */
    public static Set<String> lexicalTerms(String text) {
        Set<String> out = new LinkedHashSet<>();
        forEachRun(normalise(text), (run, han) -> {
            if (han) {
                int[] cps = run.codePoints().toArray();
                for (int i = 0; i < cps.length; i++) {
                    String c = new String(cps, i, 1);
                    if (!STOP.contains(c)) {
                        out.add(c);
                    }
                    if (i + 1 < cps.length) {
                        out.add(new String(cps, i, 2));
                    }
                }
            }
            else if (!STOP.contains(run)) {
                out.add(stem(run));
            }
        });
        return out;
    }

    /**
     * A light English suffix trim so inflections meet: "refunds"/"refunded"/"refund" → refund,
     * "invoices"/"invoice" → invoic, "changed"/"changing"/"change" → chang.
     */
    static String stem(String word) {
        String w = word;
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        }
        else if (w.length() > 5 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        }
        else if (w.length() > 4 && (w.endsWith("ed") || w.endsWith("es"))) {
            w = w.substring(0, w.length() - 2);
        }
        else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 3 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private interface RunConsumer {
        void accept(String run, boolean han);
    }

    /** Splits into runs of Han characters and runs of Latin letters/digits; everything else separates. */
    private static void forEachRun(String t, RunConsumer consumer) {
        StringBuilder han = new StringBuilder();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            boolean isHan = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            if (!isHan && Character.isLetterOrDigit(cp)) {
                flush(han, true, consumer);
                word.appendCodePoint(cp);
            }
            else if (isHan) {
                flush(word, false, consumer);
                han.appendCodePoint(cp);
            }
            else {
                flush(han, true, consumer);
                flush(word, false, consumer);
            }
        }
        flush(han, true, consumer);
        flush(word, false, consumer);
    }

    private static void flush(StringBuilder run, boolean han, RunConsumer consumer) {
        if (run.length() > 0) {
            consumer.accept(run.toString(), han);
            run.setLength(0);
        }
    }
}
