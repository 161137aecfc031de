package io.oriole.web.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.oriole.identity.Permission;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;
import io.oriole.routing.RoutingHistoryEntry;
import io.oriole.routing.RoutingManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The tenant's own routing history as the simulator's {@code oriole-csv} file, to replay offline with
 * {@code java -jar oriole.jar simulate --format oriole-csv --trace history.csv ...}.
 */
@RestController
@RequestMapping("/api/v1/routing")
@Tag(name = "Routing", description = "Offers, presence, transfer, escalation, collaboration, queues and decisions")
class RoutingHistoryController {

    /** A quarter: enough for "last month against the month before", small enough to answer in one response. */
    static final Duration LONGEST_PERIOD = Duration.ofDays(92);

    private final RoutingManagement routing;
    private final Clock clock;

    RoutingHistoryController(RoutingManagement routing, Clock clock) {
        this.routing = routing;
        this.clock = clock;
    }

    @RequiresPermission(Permission.VIEW_REPORTS)
    @GetMapping(value = "/history.csv", produces = "text/csv")
    @Operation(summary = "Finished conversations that waited for an agent, as the simulator's oriole-csv (SUPERVISOR)",
            description = "from and to are ISO dates (UTC days, both included) or ISO instants (to excluded); "
                    + "defaults: the 30 days up to now; at most 92 days.")
    ResponseEntity<byte[]> history(@AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        HistoryPeriod period = HistoryPeriod.parse(from, to, clock.instant());
        String csv = RoutingHistoryEntry.csv(routing.history(me.tenantId(), period.from(), period.to()));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"routing-history.csv\"")
                .header(HttpHeaders.CONTENT_TYPE, "text/csv;charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    /** A checked period of history: bad input names the field, nothing is read. */
    record HistoryPeriod(Instant from, Instant to) {

        static HistoryPeriod parse(String from, String to, Instant now) {
            Instant end = blank(to) ? now : instant("to", to, true);
            Instant start = blank(from) ? end.minus(Duration.ofDays(30)) : instant("from", from, false);
            if (!start.isBefore(end)) {
                throw new InvalidFieldException("from", "must be before to");
            }
            if (Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
                throw new InvalidFieldException("to", "the period may be at most " + LONGEST_PERIOD.toDays() + " days");
            }
            return new HistoryPeriod(start, end);
        }

        /** A date means its whole UTC day: from its start, or (for {@code to}) up to the next day's start. */
        private static Instant instant(String field, String value, boolean end) {
            String v = value.strip();
            try {
                if (v.length() == 10) {
                    LocalDate day = LocalDate.parse(v);
                    return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                throw new InvalidFieldException(field, "must be an ISO date (2026-11-01) or instant "
                        + "(2026-11-01T00:00:00Z), was '" + v + "'");
            }
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }
}
