package io.oriole.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.oriole.knowledge.MatchingCommandLine;

/** The command's failure paths; its figures on the real data are in docs/benchmarks.md. */
class MatchingEvaluationTests {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MatchingCommandLine.eval(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void missingFileGivesOneLineAndNonZeroExit() {
        Run run = run("--dev", dir.resolve("nope.tsv").toString(), "--test", dir.resolve("nope.tsv").toString());

        assertThat(run.code()).isNotZero();
        assertThat(run.err().strip()).doesNotContain("\n").startsWith("eval matching: ").contains("cannot read");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void wrongHeaderOrLabelNamesTheLine() throws Exception {
        Path header = Files.writeString(dir.resolve("h.tsv"), "a\tb\tc\nx\ty\t1\n");
        Path label = Files.writeString(dir.resolve("l.tsv"), "text_1\ttext_2\tlabel\nx\ty\t1\nx\tz\tyes\n");

        Run badHeader = run("--dev", header.toString(), "--test", header.toString());
        Run badLabel = run("--dev", label.toString(), "--test", label.toString());

        assertThat(badHeader.code()).isNotZero();
        assertThat(badHeader.err().strip()).endsWith("line 1: header must name the columns text_1, text_2 and label");
        assertThat(badLabel.code()).isNotZero();
        assertThat(badLabel.err().strip()).endsWith("line 3: label must be 0 or 1, found 'yes'");
    }

    @Test
    void missingOptionsAndUnknownArgumentsAreRefused() {
        assertThat(run("--dev", "x.tsv").code()).isNotZero();
        assertThat(run("--dev", "x.tsv", "--test", "y.tsv", "--fast").err()).contains("unknown argument --fast");
    }
}
