package io.oriole.simulation.internal;

import static io.oriole.simulation.internal.TraceFiles.BANK_HEADER;
import static io.oriole.simulation.internal.TraceFiles.bank;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnonymousBankTraceTests {

    @TempDir
    Path dir;

    private static final String ANSWERED_AT_ONCE = bank("AA0101 1 0 0 PS 990201 7:02:47 7:02:56 9 0:00:00 0:00:00 0 AGENT 7:02:55 7:05:41 166 DORIT");
    private static final String ANSWERED_AFTER_WAIT = bank("AA0101 2 7 2 NW 990201 8:00:00 8:00:10 10 8:00:10 8:01:00 50 AGENT 8:01:00 8:03:00 120 TOVA");
    private static final String HUNG_UP_IN_QUEUE = bank("AA0101 3 8 1 PS 990201 8:09:16 8:09:22 6 8:09:22 8:09:27 5 HANG 0:00:00 0:00:00 0 NO_SERVER");
    private static final String ENDED_IN_MENU = bank("AA0101 4 0 0 IN 990201 16:00:21 16:00:47 26 0:00:00 0:00:00 0 HANG 0:00:00 0:00:00 0 NO_SERVER");
    private static final String PHANTOM = bank("AA0101 5 0 0 PS 990201 9:00:00 9:00:05 5 9:00:05 9:00:09 4 PHANTOM 0:00:00 0:00:00 0 NO_SERVER");

    @Test
    void keepsOnlyTheCallsThatAskedForAnAgent() {
        Path file = TraceFiles.write(dir, "t.tsv", List.of(BANK_HEADER, ANSWERED_AT_ONCE, ANSWERED_AFTER_WAIT,
                HUNG_UP_IN_QUEUE, ENDED_IN_MENU, PHANTOM));

        Trace trace = AnonymousBankTrace.read(file);

        assertThat(trace.calls()).extracting(TraceCall::id).containsExactly("1", "2", "3");
        TraceCall atOnce = trace.calls().get(0);
        assertThat(atOnce.served()).isTrue();
        assertThat(atOnce.waited()).isZero();
        assertThat(atOnce.service()).isEqualTo(166);
        assertThat(atOnce.arrival()).isEqualTo(java.time.Instant.parse("1999-02-01T07:02:56Z").getEpochSecond());
        TraceCall waited = trace.calls().get(1);
        assertThat(waited.waited()).isEqualTo(50);
        assertThat(waited.server()).isEqualTo("TOVA");
        assertThat(waited.arrival()).isEqualTo(java.time.Instant.parse("1999-02-01T08:00:10Z").getEpochSecond());
        TraceCall hungUp = trace.calls().get(2);
        assertThat(hungUp.served()).isFalse();
        assertThat(hungUp.waited()).isEqualTo(5);
        assertThat(trace.labels()).containsExactly("2", "1", "0");
    }

    @Test
    void badPriorityIsReportedWithItsLineNumber() {
        Path file = TraceFiles.write(dir, "t.tsv", List.of(BANK_HEADER, ANSWERED_AT_ONCE,
                ANSWERED_AFTER_WAIT.replace("\t2\tNW", "\t7\tNW")));

        assertThatThrownBy(() -> AnonymousBankTrace.read(file)).isInstanceOf(TraceFormatException.class)
                .hasMessage(file + " line 3: priority must be 0, 1 or 2, was '7'");
    }

    @Test
    void truncatedLastLineIsAnErrorNotASilentPartialReplay() {
        String truncated = ANSWERED_AFTER_WAIT.substring(0, ANSWERED_AFTER_WAIT.indexOf("AGENT"));
        Path file = TraceFiles.write(dir, "t.tsv", List.of(BANK_HEADER, ANSWERED_AT_ONCE, truncated));

        assertThatThrownBy(() -> AnonymousBankTrace.read(file)).isInstanceOf(TraceFormatException.class)
                .hasMessage(file + " line 3: expected 17 tab-separated fields, found 13 (truncated?)");
    }

    @Test
    void badTimeIsReportedWithColumnAndLine() {
        Path file = TraceFiles.write(dir, "t.tsv", List.of(BANK_HEADER, ANSWERED_AT_ONCE.replace("7:02:56", "7:62:56")));

        assertThatThrownBy(() -> AnonymousBankTrace.read(file))
                .hasMessage(file + " line 2: vru_exit must be H:MM:SS, was '7:62:56'");
    }

    @Test
    void wrongHeaderIsReportedOnLineOne() {
        Path file = TraceFiles.write(dir, "t.csv", List.of("arrived_at,priority", "x,y"));

        assertThatThrownBy(() -> AnonymousBankTrace.read(file)).hasMessageStartingWith(file + " line 1: expected the tab-separated header");
    }

    @Test
    void fileWithoutAnyQueuedCallIsAnError() {
        Path file = TraceFiles.write(dir, "t.tsv", List.of(BANK_HEADER, PHANTOM));

        assertThatThrownBy(() -> AnonymousBankTrace.read(file)).hasMessage(file + " line 2: no call that asked for an agent");
    }
}
