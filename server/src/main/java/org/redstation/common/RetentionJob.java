package org.redstation.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * A retention job of one module (personal data kept only {@code redstation.retention.*} days): runs every
 * {@code redstation.retention.every}, deletes in batches (see {@link RetentionProperties#inBatches}) and never
 * fails the scheduler. Subclasses say what they purge; several instances may run it at once.
 */
public abstract class RetentionJob {
    private final Logger log = LoggerFactory.getLogger(getClass());

    @Scheduled(initialDelayString = "${redstation.retention.initial-delay:PT10M}", fixedDelayString = "${redstation.retention.every:PT1H}")
    public void scheduled() {
        try {
            int n = purge();
            if (n > 0) {
                log.info("retention: {} {}", n, what());
            }
        } catch (RuntimeException e) {
            log.warn("retention of {} failed: {}", what(), e.toString());
        }
    }

    /** Deletes (or clears) what is older than its retention; returns the rows affected. */
    protected abstract int purge();

    /** What the rows are, for the log ("finished outbox rows deleted"). */
    protected abstract String what();
}
