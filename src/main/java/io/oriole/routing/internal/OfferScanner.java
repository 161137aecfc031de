package io.oriole.routing.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.oriole.routing.RoutingManagement;

/**
 * Acts on stored offer deadlines and presence every few seconds ({@code oriole.routing.scan-interval}, 5 s): the
 * scan itself is {@link RoutingManagement#scan()}, which reads the Clock, so tests move a clock and call it. Runs on
 * every node; each step re-checks under the work row's lock, so two nodes scanning at once do no harm.
 */
@Component
@ConditionalOnProperty(name = "oriole.routing.scanner.enabled", havingValue = "true", matchIfMissing = true)
class OfferScanner {

    private static final Logger log = LoggerFactory.getLogger(OfferScanner.class);

    private final RoutingManagement routing;

    OfferScanner(RoutingManagement routing) {
        this.routing = routing;
    }

    @Scheduled(fixedDelayString = "${oriole.routing.scan-interval:5s}", initialDelayString = "${oriole.routing.scan-interval:5s}")
    void scan() {
        try {
            int closed = routing.scan();
            if (closed > 0) {
                log.debug("routing scan returned {} offers to the line", closed);
            }
        }
        catch (RuntimeException e) {
            // The next scan retries; an exception must not cancel the schedule.
            log.warn("routing scan failed", e);
        }
    }
}
