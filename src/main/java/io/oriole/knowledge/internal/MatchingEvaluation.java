package io.oriole.knowledge.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.oriole.knowledge.model.PairFeatures;
import io.oriole.knowledge.model.QuestionPairModel;
import io.oriole.knowledge.model.QuestionSimilarity;
import io.oriole.knowledge.model.ThresholdChoice;
import io.oriole.triage.Language;
import io.oriole.triage.model.Embedder;
import io.oriole.triage.model.LanguageDetector;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code eval matching --dev DEV.tsv --test TEST.tsv [--json REPORT.json] [--save-model FILE]}: fits the
 * learnable part of {@link QuestionSimilarity} (the bot's own score, a {@link QuestionPairModel}) on the dev pairs,
 * picks the accuracy-maximising threshold on their out-of-fold scores, and reports the test pairs at that
 * threshold. Each distinct question is embedded once, in batches; {@code --save-model} writes the fitted model in
 * the format the application bundles.
 */
public final class MatchingEvaluation {

    record Pair(String a, String b, int label) {
    }

    static final class BadInputException extends Exception {
        BadInputException(String message) {
            super(message);
        }
    }

    static final int FOLDS = 5;

    private MatchingEvaluation() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.equals("--dev") && !a.equals("--test") && !a.equals("--json") && !a.equals("--save-model")) {
                err.println("eval matching: unknown argument " + a
                        + " (usage: eval matching --dev DEV.tsv --test TEST.tsv [--json REPORT.json] [--save-model FILE])");
                return 2;
            }
            if (i + 1 >= args.length) {
                err.println("eval matching: " + a + " needs a file");
                return 2;
            }
            options.put(a, args[++i]);
        }
        if (!options.containsKey("--dev") || !options.containsKey("--test")) {
            err.println("eval matching: --dev and --test are required");
            return 2;
        }
        try {
            List<Pair> dev = read(Path.of(options.get("--dev")));
            List<Pair> test = read(Path.of(options.get("--test")));
            long started = System.nanoTime();
            Embedder embedder = new Embedder(1);
            Sides sides = new Sides(embedder, dev, test);
            double embedSeconds = (System.nanoTime() - started) / 1e9;
            int[] devLabels = dev.stream().mapToInt(Pair::label).toArray();
            int[] testLabels = test.stream().mapToInt(Pair::label).toArray();
            // The learnable part of the score is fitted on dev only; the threshold on dev pairs each fold never saw.
            QuestionPairModel.Trained trained = QuestionPairModel.train(sides.features(dev), devLabels, FOLDS);
            QuestionSimilarity similarity = new QuestionSimilarity(trained.model());
            double[] devScores = trained.outOfFold();
            double threshold = ThresholdChoice.best(devScores, devLabels);
            ThresholdChoice.Outcome onDev = ThresholdChoice.measure(devScores, devLabels, threshold);
            double[] testScores = sides.scores(similarity, test);
            ThresholdChoice.Outcome onTest = ThresholdChoice.measure(testScores, testLabels, threshold);
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf(Locale.ROOT, "dev (out-of-fold, %d folds): pairs=%d accuracy=%.4f f1=%.4f%n", FOLDS,
                    onDev.pairs(), onDev.accuracy(), onDev.f1());
            out.printf(Locale.ROOT, "distinct questions embedded: %d in %.1f s; total %.1f s%n", sides.distinct(),
                    embedSeconds, seconds);
            if (options.containsKey("--save-model")) {
                try (var writer = Files.newBufferedWriter(Path.of(options.get("--save-model")),
                        StandardCharsets.UTF_8)) {
                    trained.model().save(writer);
                }
            }
            if (options.containsKey("--json")) {
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("score", "QuestionSimilarity: QuestionPairModel over PairFeatures of BGE-small vectors,"
                        + " trained on --dev (" + FOLDS + " folds)");
                report.put("threshold", threshold);
                report.put("dev", outcome(onDev));
                report.put("test", outcome(onTest));
                report.put("distinctQuestions", sides.distinct());
                report.put("seconds", seconds);
                Files.writeString(Path.of(options.get("--json")),
                        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report),
                        StandardCharsets.UTF_8);
            }
            out.printf(Locale.ROOT, "accuracy=%.4f f1=%.4f threshold=%.4f pairs=%d%n", onTest.accuracy(),
                    onTest.f1(), threshold, onTest.pairs());
            return 0;
        }
        catch (BadInputException e) {
            err.println("eval matching: " + e.getMessage());
            return 1;
        }
        catch (IOException e) {
            err.println("eval matching: cannot read or write " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, Object> outcome(ThresholdChoice.Outcome o) {
        return Map.of("accuracy", o.accuracy(), "f1", o.f1(), "pairs", o.pairs());
    }

    /** Reads a header line naming text_1, text_2 and label, then one tab-separated pair per line. */
    static List<Pair> read(Path file) throws BadInputException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (java.nio.charset.MalformedInputException e) {
            throw new BadInputException(file + ": not UTF-8 text");
        }
        catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
        if (lines.isEmpty()) {
            throw new BadInputException(file + ": empty file, expected a header text_1<TAB>text_2<TAB>label");
        }
        String[] header = lines.get(0).replace("\uFEFF", "").split("\t", -1);
        int c1 = indexOf(header, "text_1");
        int c2 = indexOf(header, "text_2");
        int cl = indexOf(header, "label");
        if (c1 < 0 || c2 < 0 || cl < 0) {
            throw new BadInputException(file + " line 1: header must name the columns text_1, text_2 and label");
        }
        List<Pair> pairs = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != header.length) {
                throw new BadInputException(file + " line " + (n + 1) + ": expected " + header.length
                        + " tab-separated fields, found " + f.length);
            }
            String label = f[cl].strip();
            if (!label.equals("0") && !label.equals("1")) {
                throw new BadInputException(file + " line " + (n + 1) + ": label must be 0 or 1, found '"
                        + (label.length() > 20 ? label.substring(0, 20) + "…" : label) + "'");
            }
            pairs.add(new Pair(f[c1], f[c2], Integer.parseInt(label)));
        }
        if (pairs.isEmpty()) {
            throw new BadInputException(file + ": no pairs after the header");
        }
        return pairs;
    }

    private static int indexOf(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].strip().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Embeds every distinct question of both files once, in batches per language, and prepares its terms. */
    private static final class Sides {

        private final Map<String, PairFeatures.Side> sides = new HashMap<>();

        Sides(Embedder embedder, List<Pair> dev, List<Pair> test) {
            Map<Language, Set<String>> byLanguage = new HashMap<>();
            for (List<Pair> pairs : List.of(dev, test)) {
                for (Pair p : pairs) {
                    for (String q : List.of(p.a(), p.b())) {
                        byLanguage.computeIfAbsent(LanguageDetector.detect(q, Language.ZH),
                                l -> new LinkedHashSet<>()).add(q);
                    }
                }
            }
            byLanguage.forEach((language, questions) -> {
                List<String> list = new ArrayList<>(questions);
                List<float[]> encoded = embedder.encodeAll(list, language);
                for (int i = 0; i < list.size(); i++) {
                    sides.put(list.get(i), PairFeatures.Side.of(list.get(i), encoded.get(i)));
                }
            });
        }

        int distinct() {
            return sides.size();
        }

        /** Pairs whose two questions were embedded by different models get zero vectors of the zh size. */
        double[][] features(List<Pair> pairs) {
            double[][] x = new double[pairs.size()][];
            for (int i = 0; i < x.length; i++) {
                PairFeatures.Side a = sides.get(pairs.get(i).a());
                PairFeatures.Side b = sides.get(pairs.get(i).b());
                if (a.vector().length != b.vector().length) {
                    a = new PairFeatures.Side(a.text(), new float[512], a.terms(), a.words());
                    b = new PairFeatures.Side(b.text(), new float[512], b.terms(), b.words());
                }
                x[i] = PairFeatures.of(a, b);
            }
            return x;
        }

        double[] scores(QuestionSimilarity similarity, List<Pair> pairs) {
            double[] out = new double[pairs.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = similarity.score(sides.get(pairs.get(i).a()), sides.get(pairs.get(i).b()));
            }
            return out;
        }
    }
}
