package io.oriole.simulation.internal;

import static io.oriole.simulation.internal.TraceFiles.BANK_HEADER;
import static io.oriole.simulation.internal.TraceFiles.bank;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaffingTests {

    @TempDir
    Path dir;

    private Trace bankTrace() {
        return AnonymousBankTrace.read(TraceFiles.write(dir, "t.tsv", List.of(BANK_HEADER,
                bank("AA0101 1 0 2 PS 990201 8:00:00 8:00:10 10 8:00:10 8:00:20 10 AGENT 8:00:20 8:05:00 280 TOVA"),
                bank("AA0101 2 0 2 NW 990201 8:40:00 8:40:10 10 8:40:10 8:40:20 10 AGENT 8:40:20 8:41:00 40 TOVA"),
                bank("AA0101 3 0 2 NE 990201 10:00:00 10:00:10 10 10:00:10 10:00:20 10 AGENT 10:00:20 10:01:00 40 DORIT"))));
    }

    private static long at(String time) {
        return java.time.Instant.parse("1999-02-01T" + time + "Z").getEpochSecond();
    }

    @Test
    void traceStaffingPutsEachServerOnDutyInTheHalfHoursTheyServedWithTheirSkills() {
        Staffing staffing = Staffing.fromTrace(bankTrace());

        assertThat(staffing.agents()).extracting(Staffing.Agent::name).containsExactly("DORIT", "TOVA");
        Staffing.Agent tova = staffing.agents().get(1);
        assertThat(tova.skills()).isEqualTo(Set.of("PS", "NW"));
        assertThat(tova.shifts()).containsExactly(new Staffing.Shift(at("08:00:00"), at("09:00:00")));
        assertThat(staffing.agents().get(0).shifts()).containsExactly(new Staffing.Shift(at("10:00:00"), at("10:30:00")));
    }

    @Test
    void shiftFileWithPlusAddsAgentsOnTopOfTheTracesOwnStaffing() {
        Path shifts = TraceFiles.write(dir, "s.csv", List.of("from,to,agents,skills", "10:00,12:00,+2,PS;NE"));

        Staffing staffing = Staffing.fromShiftFile(shifts, bankTrace());

        assertThat(staffing.agents()).hasSize(4);
        assertThat(staffing.agents().get(3).shifts()).containsExactly(new Staffing.Shift(at("10:00:00"), at("12:00:00")));
        assertThat(staffing.agents().get(3).skills()).containsExactlyInAnyOrder("PS", "NE");
        assertThat(staffing.description()).contains("on top of the trace's own staffing of 2");
    }

    @Test
    void badShiftLineIsReportedWithItsNumber() {
        Path shifts = TraceFiles.write(dir, "s.csv", List.of("from,to,agents,skills", "08:00,17:00,3,", "12:00,10:00,1,"));

        assertThatThrownBy(() -> Staffing.fromShiftFile(shifts, bankTrace()))
                .isInstanceOf(TraceFormatException.class).hasMessage(shifts + " line 3: to must be after from");
    }
}
