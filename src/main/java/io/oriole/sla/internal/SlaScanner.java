package io.oriole.sla.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Acts on stored deadlines every few seconds ({@code oriole.sla.scan-interval}, default 2 s). Each due clock is
 * claimed with {@code FOR UPDATE SKIP LOCKED} in a transaction of its own, so several nodes scan at once and each
 * clock is acted on by exactly one of them (see ADR 0004). Everything it needs is in rows, so a restart loses
 * nothing: what fell due while the node was down is acted on by the first scan after it.
 */
@Component
public class SlaScanner {

    private static final Logger log = LoggerFactory.getLogger(SlaScanner.class);

    private final SlaOperations operations;
    private final int batch;

    SlaScanner(SlaOperations operations, @Value("${oriole.sla.scan-batch:200}") int batch) {
        this.operations = operations;
        this.batch = batch;
    }

    @Scheduled(fixedDelayString = "${oriole.sla.scan-interval:2s}", initialDelayString = "${oriole.sla.scan-interval:2s}")
    void scheduledScan() {
        scan();
    }

    /** Acts on everything due now, up to one batch; returns how many clocks it acted on. */
    public int scan() {
        int acted = 0;
        while (acted < batch) {
            try {
                if (!operations.scanNext()) {
                    break;
                }
                acted++;
            }
            catch (RuntimeException e) {
                log.error("SLA scan failed; the clock is retried shortly", e);
                break;
            }
        }
        return acted;
    }
}
