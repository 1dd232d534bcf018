package org.redstation.notify;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.redstation.common.RetentionProperties;
import org.springframework.stereotype.Component;

/** Deletes finished outbox rows (they hold a message's data) after {@code redstation.retention.outbox-days}. */
@Component
class OutboxRetention extends org.redstation.common.RetentionJob {
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

    @Override
    protected int purge() {
        LocalDateTime before = LocalDateTime.now(clock).minusDays(props.outboxDays());
        return props.inBatches(batch -> outbox.deleteFinishedBefore(before, FINALS, batch));
    }

    @Override
    protected String what() {
        return "finished outbox rows deleted";
    }
}
