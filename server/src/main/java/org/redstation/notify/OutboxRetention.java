package org.redstation.notify;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.redstation.common.RetentionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes finished outbox rows (they hold a message's data) after {@code redstation.retention.outbox-days}. */
@Component
class OutboxRetention {
    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);
    private static final List<String> FINALS = Arrays.stream(OutboxStatus.values()).filter(OutboxStatus::isFinal)
            .map(Enum::name).toList();
    private final OutboxMapper outbox;
    private final RetentionProperties props;
    private final Clock clock;

    OutboxRetention(OutboxMapper outbox, RetentionProperties props, Clock clock) {
        this.outbox = outbox;
        this.props = props;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${redstation.retention.initial-delay:PT10M}", fixedDelayString = "${redstation.retention.every:PT1H}")
    void scheduled() {
        try {
            int n = purge();
            if (n > 0) {
                log.info("retention: {} finished outbox rows deleted", n);
            }
        } catch (RuntimeException e) {
            log.warn("outbox retention failed: {}", e.toString());
        }
    }

    /** Deletes what is older than the retention; returns the rows deleted. Safe on several instances at once. */
    int purge() {
        LocalDateTime before = LocalDateTime.now(clock).minusDays(props.outboxDays());
        return props.inBatches(batch -> outbox.deleteFinishedBefore(before, FINALS, batch));
    }
}
