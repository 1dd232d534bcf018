package org.redstation.station;

import java.time.Clock;
import java.time.LocalDateTime;
import org.redstation.common.RetentionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Clears the detail of station audit rows after {@code redstation.retention.audit-detail-days}. */
@Component
class StationAuditRetention {
    private static final Logger log = LoggerFactory.getLogger(StationAuditRetention.class);
    private final StationAuditMapper audit;
    private final RetentionProperties props;
    private final Clock clock;

    StationAuditRetention(StationAuditMapper audit, RetentionProperties props, Clock clock) {
        this.audit = audit;
        this.props = props;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${redstation.retention.initial-delay:PT10M}", fixedDelayString = "${redstation.retention.every:PT1H}")
    void scheduled() {
        try {
            int n = purge();
            if (n > 0) {
                log.info("retention: detail of {} station audit rows cleared", n);
            }
        } catch (RuntimeException e) {
            log.warn("station audit retention failed: {}", e.toString());
        }
    }

    int purge() {
        LocalDateTime before = LocalDateTime.now(clock).minusDays(props.auditDetailDays());
        return props.inBatches(batch -> audit.clearDetailBefore(before, batch));
    }
}
