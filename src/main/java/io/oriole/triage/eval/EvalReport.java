package io.oriole.triage.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.oriole.triage.model.TextClassifier;

/**
 * Accuracy, per-label precision/recall/F1 and the most frequent confusions. Macro F1 averages over
 * the labels present in the test file (an out-of-scope label included), so a label that only
 * appears as a wrong prediction lowers the precision of nobody's average twice.
 */
final class EvalReport {

    /** What a prediction is called when no --oos-label is given and the classifier declines. */
    static final String OUT_OF_SCOPE = "<out-of-scope>";

    record LabelScore(String label, double precision, double recall, double f1, int support) {
    }

    private final List<LabelScore> scores;
    private final Map<String, Integer> confusions;
    private final double accuracy;
    private final double macroF1;
    private final Double oosRecall;
    private final Double oosPrecision;
    private final int examples;

    private EvalReport(List<LabelScore> scores, Map<String, Integer> confusions, double accuracy, double macroF1,
            Double oosRecall, Double oosPrecision, int examples) {
        this.scores = scores;
        this.confusions = confusions;
        this.accuracy = accuracy;
        this.macroF1 = macroF1;
        this.oosRecall = oosRecall;
        this.oosPrecision = oosPrecision;
        this.examples = examples;
    }

    static EvalReport of(List<String> truth, List<String> predicted, String oosLabel) {
        TreeSet<String> labels = new TreeSet<>(truth);
        labels.addAll(predicted);
        Map<String, int[]> counts = new TreeMap<>(); // tp, fp, fn
        Map<String, Integer> confusions = new TreeMap<>();
        int correct = 0;
        for (int i = 0; i < truth.size(); i++) {
            String t = truth.get(i);
            String p = predicted.get(i);
            if (t.equals(p)) {
                correct++;
                counts.computeIfAbsent(t, k -> new int[3])[0]++;
            } else {
                counts.computeIfAbsent(p, k -> new int[3])[1]++;
                counts.computeIfAbsent(t, k -> new int[3])[2]++;
                confusions.merge(t + " -> " + p, 1, Integer::sum);
            }
        }
        List<LabelScore> scores = new ArrayList<>();
        double f1Sum = 0;
        int truthLabels = 0;
        for (String label : labels) {
            int[] c = counts.getOrDefault(label, new int[3]);
            double precision = ratio(c[0], c[0] + c[1]);
            double recall = ratio(c[0], c[0] + c[2]);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            int support = c[0] + c[2];
            scores.add(new LabelScore(label, precision, recall, f1, support));
            if (support > 0) {
                f1Sum += f1;
                truthLabels++;
            }
        }
        Double oosRecall = null;
        Double oosPrecision = null;
        if (oosLabel != null) {
            int[] c = counts.getOrDefault(oosLabel, new int[3]);
            oosRecall = c[0] + c[2] == 0 ? null : ratio(c[0], c[0] + c[2]);
            oosPrecision = c[0] + c[1] == 0 ? null : ratio(c[0], c[0] + c[1]);
        }
        return new EvalReport(scores, confusions, ratio(correct, truth.size()),
                truthLabels == 0 ? 0 : f1Sum / truthLabels, oosRecall, oosPrecision, truth.size());
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    void print(PrintStream out) {
        int width = Math.max(12, scores.stream().mapToInt(s -> s.label().length()).max().orElse(0));
        out.printf(Locale.ROOT, "%-" + width + "s %9s %9s %9s %8s%n", "label", "precision", "recall", "f1", "support");
        for (LabelScore s : scores) {
            out.printf(Locale.ROOT, "%-" + width + "s %9.4f %9.4f %9.4f %8d%n", s.label(), s.precision(), s.recall(),
                    s.f1(), s.support());
        }
        int errors = confusions.values().stream().mapToInt(Integer::intValue).sum();
        out.printf("confusions: %d errors in %d distinct pairs%s%n", errors, confusions.size(),
                confusions.isEmpty() ? "" : "; most frequent (true -> predicted):");
        confusions.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(10)
                .forEach(e -> out.printf("  %4d  %s%n", e.getValue(), e.getKey()));
    }

    String summaryLine() {
        return String.format(Locale.ROOT, "accuracy=%.4f macro_f1=%.4f oos_recall=%s oos_precision=%s examples=%d",
                accuracy, macroF1, format(oosRecall), format(oosPrecision), examples);
    }

    private static String format(Double value) {
        return value == null ? "NA" : String.format(Locale.ROOT, "%.4f", value);
    }

    String json(String task, TextClassifier classifier) {
        StringBuilder b = new StringBuilder();
        b.append("{\n  \"task\": ").append(quote(task))
                .append(",\n  \"accuracy\": ").append(number(accuracy))
                .append(",\n  \"macro_f1\": ").append(number(macroF1))
                .append(",\n  \"oos_recall\": ").append(oosRecall == null ? "null" : number(oosRecall))
                .append(",\n  \"oos_precision\": ").append(oosPrecision == null ? "null" : number(oosPrecision))
                .append(",\n  \"examples\": ").append(examples)
                .append(",\n  \"model\": {\"language\": ").append(quote(classifier.language().code()))
                .append(", \"l2\": ").append(classifier.l2())
                .append(", \"temperature\": ").append(number(classifier.temperature()))
                .append(", \"min_probability\": ").append(number(classifier.minProbability()))
                .append(", \"min_similarity\": ").append(number(classifier.minSimilarity()))
                .append("},\n  \"labels\": [");
        for (int i = 0; i < scores.size(); i++) {
            LabelScore s = scores.get(i);
            b.append(i == 0 ? "\n    " : ",\n    ")
                    .append("{\"label\": ").append(quote(s.label()))
                    .append(", \"precision\": ").append(number(s.precision()))
                    .append(", \"recall\": ").append(number(s.recall()))
                    .append(", \"f1\": ").append(number(s.f1()))
                    .append(", \"support\": ").append(s.support()).append('}');
        }
        b.append("\n  ],\n  \"confusions\": {");
        int i = 0;
        for (var e : confusions.entrySet()) {
            b.append(i++ == 0 ? "\n    " : ",\n    ").append(quote(e.getKey())).append(": ").append(e.getValue());
        }
        return b.append("\n  }\n}\n").toString();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
