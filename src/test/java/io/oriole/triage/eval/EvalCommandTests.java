package io.oriole.triage.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.oriole.triage.model.TextEncoder;

/** The command's contract; a keyword encoder stands in for the embedding model to keep this fast. */
class EvalCommandTests {

    /** Four dimensions: counts of a few cue words. Enough for the tiny data sets below. */
    private static final TextEncoder CUES = (text, language) -> new float[] {
            count(text, "refund") + count(text, "退款"), count(text, "ship") + count(text, "发货"),
            count(text, "password") + count(text, "密码"), text.length() / 40f};

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void reportsPerLabelScoresAndEndsWithTheSummaryLine() throws IOException {
        Path train = write("train.csv", "text,label\n" + repeat("I want a refund,refund\n\"refund, please\",refund\n"
                + "when do you ship,shipping\n\"did it ship? \"\"fast\"\"\",shipping\n"
                + "reset password,password\nforgot my password,password\n", 4));
        Path test = write("test.csv", "label,text\nrefund,\"refund my order, now\"\nshipping,ship it\n"
                + "password,new password\n");
        Path json = dir.resolve("report.json");

        int code = run("intents", "--train", train.toString(), "--test", test.toString(), "--json", json.toString());

        assertThat(code).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines[lines.length - 1]).matches(
                "accuracy=1\\.0000 macro_f1=1\\.0000 oos_recall=NA oos_precision=NA examples=3");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("precision").contains("refund");
        assertThat(Files.readString(json)).contains("\"accuracy\": 1.000000");
    }

    @Test
    void oosLabelIsNotTrainedAndCountsOutOfScopePredictions() throws IOException {
        Path train = write("train.csv", "text,label\n" + repeat("I want a refund,refund\nrefund it,refund\n"
                + "ship now,shipping\nwhen ship,shipping\nhello there,none\n", 4));
        Path test = write("test.csv", "text,label\nrefund please,refund\n");

        int code = run("intents", "--train", train.toString(), "--test", test.toString(), "--oos-label", "none");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("(16 examples, 2 labels)")
                .contains("oos_recall=NA");
    }

    @Test
    void malformedCsvGivesOneLineErrorAndNonZeroExit() throws IOException {
        Path good = write("good.csv", "text,label\na,b\nc,d\n");
        Path noLabel = write("nolabel.csv", "text,intent\nhello,greet\n");

        assertThat(run("intents", "--train", noLabel.toString(), "--test", good.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("error: " + noLabel + " line 1: missing column 'label'" + System.lineSeparator());
        assertThat(out.size()).isZero();
    }

    @Test
    void emptyUnreadableAndBrokenFilesAreRejectedOnOneLine() throws IOException {
        Path good = write("good.csv", "text,label\na,b\nc,d\n");
        assertOneLineError(write("empty.csv", ""), good, "file is empty");
        assertOneLineError(write("header.csv", "text,label\n"), good, "no examples after the header");
        assertOneLineError(dir.resolve("missing.csv"), good, "cannot read file");
        assertOneLineError(write("quote.csv", "text,label\n\"unterminated,x\n"), good, "line 2: unterminated quoted field");
        assertOneLineError(write("short.csv", "text,label\nonly one field\n"), good, "line 2: expected 2 fields, found 1");
        Files.write(dir.resolve("latin1.csv"), new byte[] {'t', 'e', 'x', 't', ',', 'l', 'a', 'b', 'e', 'l', '\n',
                (byte) 0xE9, ',', 'x', '\n'});
        assertOneLineError(dir.resolve("latin1.csv"), good, "not valid UTF-8");
    }

    @Test
    void sentimentAcceptsOnlyPositiveAndNegative() throws IOException {
        Path train = write("s.csv", "text,label\ngreat,positive\nawful,negative\nmeh,neutral\n");
        assertThat(run("sentiment", "--train", train.toString(), "--test", train.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("must be positive or negative, found 'neutral'");
    }

    @Test
    void wrongUsageExitsWithTwo() {
        assertThat(run("intents", "--train", "a.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: --train and --test are required");
    }

    private void assertOneLineError(Path bad, Path good, String message) {
        err.reset();
        assertThat(run("intents", "--train", bad.toString(), "--test", good.toString())).isEqualTo(1);
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("error: " + bad).contains(message);
        assertThat(text.strip().lines().count()).isEqualTo(1);
    }

    private int run(String... args) {
        return new EvalCommand(() -> CUES).execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static String repeat(String s, int times) {
        return s.repeat(times);
    }

    private static float count(String text, String cue) {
        return text.toLowerCase().contains(cue) ? 1f : 0f;
    }
}
