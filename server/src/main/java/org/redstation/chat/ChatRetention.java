package org.redstation.chat;

import java.time.Clock;
import java.time.LocalDateTime;
import org.redstation.common.RetentionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes residents' and staff messages and their deliveries after {@code redstation.retention.chat-days}. */
@Component
class ChatRetention {
    private static final Logger log = LoggerFactory.getLogger(ChatRetention.class);
    private final MessageMapper messages;
    private final DeliveryMapper deliveries;
    private final RetentionProperties props;
    private final Clock clock;

    ChatRetention(MessageMapper messages, DeliveryMapper deliveries, RetentionProperties props, Clock clock) {
        this.messages = messages;
        this.deliveries = deliveries;
        this.props = props;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${redstation.retention.initial-delay:PT10M}", fixedDelayString = "${redstation.retention.every:PT1H}")
    void scheduled() {
        try {
            int n = purge();
            if (n > 0) {
                log.info("retention: {} chat rows deleted", n);
            }
        } catch (RuntimeException e) {
            log.warn("chat retention failed: {}", e.toString());
        }
    }

    /** Deletes what is older than the retention; returns the rows deleted. Safe on several instances at once. */
    int purge() {
        LocalDateTime before = LocalDateTime.now(clock).minusDays(props.chatDays());
        return props.inBatches(batch -> messages.deleteBefore(before, batch))
                + props.inBatches(batch -> deliveries.deleteBefore(before, batch));
    }
}
