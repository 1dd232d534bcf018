package org.redstation.station;

import java.time.Clock;
import java.time.LocalDateTime;
import org.redstation.common.RetentionProperties;
import org.springframework.stereotype.Component;

/** Clears the detail of station audit rows after {@code redstation.retention.audit-detail-days}. */
@Component
class StationAuditRetention extends org.redstation.common.RetentionJob {
    private final StationAuditMapper audit;
    private final RetentionProperties props;
    private final Clock clock;

    StationAuditRetention(StationAuditMapper audit, RetentionProperties props, Clock clock) {
        this.audit = audit;
        this.props = props;
        this.clock = clock;
    }

    @Override
    protected int purge() {
        LocalDateTime before = LocalDateTime.now(clock).minusDays(props.auditDetailDays());
        return props.inBatches(batch -> audit.clearDetailBefore(before, batch));
    }

    @Override
    protected String what() {
        return "station audit rows cleared of their detail";
    }
}
