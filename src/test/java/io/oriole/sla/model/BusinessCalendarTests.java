package io.oriole.sla.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BusinessCalendarTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static BusinessCalendar officeHours(ZoneId zone, LocalDate... holidays) {
        return BusinessCalendar.weekdays(zone, LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of(holidays));
    }

    static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @Test
    void fridayEveningRequestIsDueMondayMorningInTheTenantsZone() {
        BusinessCalendar calendar = officeHours(SHANGHAI);
        // Friday 2026-11-20 19:30 Shanghai is 11:30 UTC: after hours.
        Instant due = calendar.plusWorkingTime(at("2026-11-20T19:30", SHANGHAI), Duration.ofHours(2));

        assertThat(due.atZone(SHANGHAI).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-11-23T11:00"));
    }

    @Test
    void targetSpillsOverTheEndOfTheDayIntoTheNextWorkingDay() {
        BusinessCalendar calendar = officeHours(SHANGHAI);
        Instant due = calendar.plusWorkingTime(at("2026-11-18T17:00", SHANGHAI), Duration.ofHours(4));

        assertThat(due.atZone(SHANGHAI).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-11-19T12:00"));
    }

    @Test
    void holidaysDoNotCount() {
        BusinessCalendar calendar = officeHours(SHANGHAI, LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"));
        // Wednesday 16:00 + 4 h: 2 h on Wednesday, Thursday and Friday are holidays, Monday 09:00 + 2 h.
        Instant due = calendar.plusWorkingTime(at("2026-09-30T16:00", SHANGHAI), Duration.ofHours(4));

        assertThat(due.atZone(SHANGHAI).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-10-05T11:00"));
    }

    @Test
    void springForwardWeekendDoesNotShiftAMondayDeadlineInBerlin() {
        BusinessCalendar calendar = officeHours(BERLIN);
        // Clocks go forward on Sunday 2026-03-29; Friday 17:00 + 2 working hours is still Monday 10:00 local.
        Instant due = calendar.plusWorkingTime(at("2026-03-27T17:00", BERLIN), Duration.ofHours(2));

        assertThat(due.atZone(BERLIN).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-30T10:00"));
        assertThat(due).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
    }

    @Test
    void fallBackWeekendDoesNotShiftAMondayDeadlineInNewYork() {
        BusinessCalendar calendar = officeHours(NEW_YORK);
        // Clocks go back on Sunday 2026-11-01 (EDT → EST).
        Instant due = calendar.plusWorkingTime(at("2026-10-30T17:30", NEW_YORK), Duration.ofHours(1));

        assertThat(due.atZone(NEW_YORK).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-11-02T09:30"));
        assertThat(due).isEqualTo(Instant.parse("2026-11-02T14:30:00Z"));
    }

    @Test
    void aroundTheClockCalendarCountsRealTimeAcrossATransition() {
        BusinessCalendar calendar = BusinessCalendar.allHours(BERLIN);
        Instant start = at("2026-03-29T01:30", BERLIN);

        assertThat(calendar.plusWorkingTime(start, Duration.ofMinutes(15))).isEqualTo(start.plusSeconds(900));
        assertThat(calendar.workingTimeBetween(start, at("2026-03-29T03:30", BERLIN))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void workingTimeBetweenSkipsNightsWeekendsAndHolidays() {
        BusinessCalendar calendar = officeHours(SHANGHAI, LocalDate.parse("2026-11-23"));
        Duration worked = calendar.workingTimeBetween(at("2026-11-20T17:00", SHANGHAI),
                at("2026-11-24T10:00", SHANGHAI));

        assertThat(worked).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void roundTripOfAddAndMeasureAgrees() {
        BusinessCalendar calendar = officeHours(BERLIN, LocalDate.parse("2026-03-30"));
        Instant start = at("2026-03-26T15:10", BERLIN);
        Instant due = calendar.plusWorkingTime(start, Duration.ofMinutes(17 * 60 + 7));

        assertThat(calendar.workingTimeBetween(start, due)).isEqualTo(Duration.ofMinutes(17 * 60 + 7));
        assertThat(calendar.isWorking(due.minusSeconds(1))).isTrue();
    }

    @Test
    void aCalendarWithoutWorkingDaysIsRefused() {
        assertThatThrownBy(() -> BusinessCalendar.of(SHANGHAI, Map.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("working hours");
    }
}
