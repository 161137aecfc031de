package io.oriole.triage.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.oriole.triage.model.Embedder;
import io.oriole.triage.model.LabelledCsv;
import io.oriole.triage.model.LabelledText;
import io.oriole.triage.model.TextClassifier;
import io.oriole.triage.model.TextEncoder;

/**
 * {@code eval intents|sentiment --train TRAIN.csv --test TEST.csv [--oos-label LABEL] [--json REPORT.json]}:
 * trains the classifier exactly as the platform does for a tenant, with default settings, and
 * reports how it does on the test file. The last line of the output is machine-readable:
 * {@code accuracy=… macro_f1=… oos_recall=… oos_precision=… examples=…}.
 *
 * <p>Exit codes: 0 done, 1 a file is missing, unreadable or malformed, 2 wrong usage. Every error
 * is one line on stderr starting with {@code error:}.
 */
public final class EvalCommand {

    private static final String USAGE = "usage: eval intents|sentiment --train TRAIN.csv --test TEST.csv "
            + "[--oos-label LABEL] [--json REPORT.json]";
    private static final Set<String> SENTIMENT_LABELS = Set.of("positive", "negative");

    private final Supplier<TextEncoder> encoder;

    public EvalCommand(Supplier<TextEncoder> encoder) {
        this.encoder = encoder;
    }

    /** Runs with the bundled embedding models. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new EvalCommand(() -> new Embedder(50_000)).execute(args, out, err);
    }

    public int execute(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            List<LabelledText> train = LabelledCsv.read(options.train());
            List<LabelledText> test = LabelledCsv.read(options.test());
            boolean sentiment = options.task().equals("sentiment");
            if (sentiment) {
                checkSentimentLabels(train, options.train());
                checkSentimentLabels(test, options.test());
            }
            List<LabelledText> trainable = options.oosLabel() == null ? train
                    : train.stream().filter(e -> !e.label().equals(options.oosLabel())).toList();
            TextClassifier.Settings settings = sentiment ? TextClassifier.Settings.defaults().withoutOutOfScope()
                    : TextClassifier.Settings.defaults();

            long start = System.nanoTime();
            TextClassifier classifier = TextClassifier.train(trainable, encoder.get(), settings);
            double trainSeconds = (System.nanoTime() - start) / 1e9;

            List<String> predicted = new ArrayList<>(test.size());
            long[] nanos = new long[test.size()];
            for (int i = 0; i < test.size(); i++) {
                long t0 = System.nanoTime();
                TextClassifier.Prediction p = classifier.predict(test.get(i).text());
                nanos[i] = System.nanoTime() - t0;
                predicted.add(!p.outOfScope() ? p.label()
                        : options.oosLabel() != null ? options.oosLabel() : EvalReport.OUT_OF_SCOPE);
            }
            Arrays.sort(nanos);
            EvalReport report = EvalReport.of(test.stream().map(LabelledText::label).toList(), predicted,
                    options.oosLabel());

            out.printf("eval %s: train %s (%d examples, %d labels), test %s (%d examples)%n", options.task(),
                    options.train(), trainable.size(), classifier.labels().size(), options.test(), test.size());
            out.printf(java.util.Locale.ROOT,
                    "model: language=%s l2=%.0e temperature=%.3f min_probability=%.2f min_similarity=%s "
                            + "trained in %.1f s; per message p50=%.1f ms p95=%.1f ms (embedding included)%n",
                    classifier.language().code(), classifier.l2(), classifier.temperature(),
                    classifier.minProbability(), sentiment ? "off" : String.format(java.util.Locale.ROOT, "%.3f",
                            classifier.minSimilarity()), trainSeconds, percentile(nanos, 0.50), percentile(nanos, 0.95));
            report.print(out);
            if (options.json() != null) {
                try {
                    Files.writeString(options.json(), report.json(options.task(), classifier), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err.println("error: " + options.json() + ": cannot write report (" + e.getClass().getSimpleName()
                            + ")");
                    return 1;
                }
            }
            out.println(report.summaryLine());
            return 0;
        } catch (LabelledCsv.CsvException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static void checkSentimentLabels(List<LabelledText> examples, Path file) throws LabelledCsv.CsvException {
        for (LabelledText e : examples) {
            if (!SENTIMENT_LABELS.contains(e.label())) {
                throw new LabelledCsv.CsvException(file + ": sentiment label must be positive or negative, found '"
                        + e.label() + "'");
            }
        }
    }

    private static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        return sortedNanos[(int) Math.ceil(q * sortedNanos.length) - 1] / 1e6;
    }

    record Options(String task, Path train, Path test, String oosLabel, Path json) {

        static Options parse(String[] args) {
            if (args.length == 0 || !(args[0].equals("intents") || args[0].equals("sentiment"))) {
                throw new IllegalArgumentException("first argument must be 'intents' or 'sentiment'");
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 1; i < args.length; i++) {
                String name = args[i];
                if (!Set.of("--train", "--test", "--oos-label", "--json").contains(name)) {
                    throw new IllegalArgumentException("unknown option '" + name + "'");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + name + " needs a value");
                }
                values.put(name, args[++i]);
            }
            if (!values.containsKey("--train") || !values.containsKey("--test")) {
                throw new IllegalArgumentException("--train and --test are required");
            }
            if (args[0].equals("sentiment") && values.containsKey("--oos-label")) {
                throw new IllegalArgumentException("--oos-label applies to intents only");
            }
            return new Options(args[0], Path.of(values.get("--train")), Path.of(values.get("--test")),
                    values.get("--oos-label"), values.containsKey("--json") ? Path.of(values.get("--json")) : null);
        }
    }
}
