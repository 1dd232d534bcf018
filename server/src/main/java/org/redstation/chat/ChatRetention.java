package org.redstation.chat;

import java.time.Clock;
import java.time.LocalDateTime;
import org.redstation.common.RetentionProperties;
import org.springframework.stereotype.Component;

/** Deletes residents' and staff messages and their deliveries after {@code redstation.retention.chat-days}. */
@Component
class ChatRetention extends org.redstation.common.RetentionJob {
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

    @Override
    protected int purge() {
        LocalDateTime before = LocalDateTime.now(clock).minusDays(props.chatDays());
        return props.inBatches(batch -> messages.deleteBefore(before, batch))
                + props.inBatches(batch -> deliveries.deleteBefore(before, batch));
    }

    @Override
    protected String what() {
        return "chat rows deleted";
    }
}
