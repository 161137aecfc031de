package io.oriole.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.oriole.simulation.SimulationCommandLine;

class SimulateCommandTests {

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {

        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private static Result simulate(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SimulationCommandLine.simulate(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A synthetic day at a bank-format call centre: two agents, bursts, some hang-ups. */
    private Path syntheticBankTrace(int calls) {
        Random random = new Random(7);
        List<String> lines = new ArrayList<>();
        lines.add(TraceFiles.BANK_HEADER);
        int t = 8 * 3600;
        String[] types = {"PS", "NW", "NE"};
        for (int i = 0; i < calls; i++) {
            t += random.nextInt(90);
            int wait = random.nextInt(120);
            boolean served = random.nextInt(5) > 0;
            int service = 60 + random.nextInt(240);
            String start = clock(t);
            String line = "AA0101 " + i + " 0 " + random.nextInt(3) + " " + types[random.nextInt(3)] + " 990201 " + clock(t - 10)
                    + " " + start + " 10 " + start + " " + clock(t + wait) + " " + wait + " "
                    + (served ? "AGENT " + clock(t + wait) + " " + clock(t + wait + service) + " " + service + " "
                            + (random.nextBoolean() ? "TOVA" : "DORIT")
                            : "HANG 0:00:00 0:00:00 0 NO_SERVER");
            lines.add(TraceFiles.bank(line));
        }
        return TraceFiles.write(dir, "bank.tsv", lines);
    }

    private static String clock(int seconds) {
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    @Test
    void handComputedTraceEndToEndPrintsTheSummaryLine() {
        Path trace = TraceFiles.write(dir, "ten.csv", TraceFiles.tenConversations());

        Result result = simulate("--trace", trace.toString(), "--format", "oriole-csv", "--policy", "fifo", "--staffing", "3");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.lastLine()).isEqualTo(
                "policy=fifo abandon=0.0000 mean_wait_s=13.0 service_level=1.0000 high_priority_service_level=1.0000");
    }

    @Test
    void everyPolicyEndsWithItsOwnSummaryLineAndReportsAreWritten() throws Exception {
        Path trace = syntheticBankTrace(300);
        Path json = dir.resolve("report.json");
        Path html = dir.resolve("report.html");

        Result result = simulate("--trace", trace.toString(), "--policy", "all", "--targets", "2=30,1=60,0=120",
                "--json", json.toString(), "--html", html.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        List<String> summaries = result.out().lines().filter(l -> l.startsWith("policy=")).toList();
        assertThat(summaries).hasSize(3);
        assertThat(summaries.get(0)).matches("policy=fifo abandon=0\\.\\d{4} mean_wait_s=\\d+\\.\\d "
                + "service_level=[01]\\.\\d{4} high_priority_service_level=[01]\\.\\d{4}");
        assertThat(summaries.get(2)).startsWith("policy=sla-aware ");
        assertThat(result.lastLine()).startsWith("policy=sla-aware ");
        String report = Files.readString(json);
        assertThat(report).contains("\"policy\": \"priority\"", "\"byPriority\": {", "\"0\": {", "\"abandonRate\": ",
                "\"meanWaitServedSeconds\": ", "\"serviceLevel\": ", "\"queued\": ", "\"historical\": {");
        String page = Files.readString(html);
        assertThat(page).contains("new Chart(", "Service level by priority", "Mean queue length over the day")
                .doesNotContain("<script src", "sourceMappingURL");
    }

    @Test
    void sameSeedSameReportDifferentSeedDifferentCustomers() throws Exception {
        Path trace = syntheticBankTrace(400);
        Result first = simulate("--trace", trace.toString(), "--policy", "sla-aware", "--seed", "11",
                "--json", dir.resolve("a.json").toString());
        Result again = simulate("--trace", trace.toString(), "--policy", "sla-aware", "--seed", "11",
                "--json", dir.resolve("b.json").toString());
        Result other = simulate("--trace", trace.toString(), "--policy", "sla-aware", "--seed", "12",
                "--json", dir.resolve("c.json").toString());

        assertThat(withoutTiming(Files.readString(dir.resolve("a.json"))))
                .isEqualTo(withoutTiming(Files.readString(dir.resolve("b.json"))));
        assertThat(first.lastLine()).isEqualTo(again.lastLine());
        assertThat(withoutTiming(Files.readString(dir.resolve("c.json"))))
                .isNotEqualTo(withoutTiming(Files.readString(dir.resolve("a.json"))));
    }

    private static String withoutTiming(String json) {
        return json.replaceAll("\"elapsedSeconds\": [0-9.e+-]+", "").replaceAll("\"seed\": \\d+", "");
    }

    @Test
    void malformedTraceFailsWithOneLineNamingTheLineAndWritesNoReport() throws Exception {
        Path trace = syntheticBankTrace(50);
        List<String> lines = new ArrayList<>(Files.readAllLines(trace));
        lines.set(20, lines.get(20).substring(0, 30));
        Files.write(trace, lines);
        Path json = dir.resolve("report.json");

        Result result = simulate("--trace", trace.toString(), "--policy", "fifo", "--json", json.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip()).startsWith("error: " + trace + " line 21: expected 17 tab-separated fields")
                .doesNotContain("\n");
        assertThat(result.out()).isEmpty();
        assertThat(json).doesNotExist();
    }

    @Test
    void missingTraceFileExitsWithOne() {
        Result result = simulate("--trace", dir.resolve("nope.tsv").toString(), "--policy", "fifo");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("error: " + dir.resolve("nope.tsv") + ": no such file");
    }

    @Test
    void unknownPolicyIsAUsageErrorListingTheValidOnes() {
        Result result = simulate("--trace", "x.tsv", "--policy", "random");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: unknown routing policy 'random'; valid: fifo, priority, sla-aware\n");
    }

    @Test
    void missingPolicyAndBadTargetsAreUsageErrors() {
        Path trace = syntheticBankTrace(20);
        assertThat(simulate("--trace", trace.toString()).exit()).isEqualTo(2);
        Result badTargets = simulate("--trace", trace.toString(), "--policy", "fifo", "--targets", "5=60");
        assertThat(badTargets.exit()).isEqualTo(2);
        assertThat(badTargets.err()).startsWith("error: --targets must be PRIORITY=SECONDS pairs with priorities 2, 1, 0");
    }

    @Test
    void traceStaffingNeedsToKnowWhoServed() {
        Path trace = TraceFiles.write(dir, "ten.csv", TraceFiles.tenConversations());

        Result result = simulate("--trace", trace.toString(), "--format", "oriole-csv", "--policy", "fifo");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: --staffing trace needs a trace that names who served each call");
    }
}
