package org.redstation.chat;

import java.util.Set;

/** Where an outgoing customer-service message stands (chat_delivery.status). */
enum DeliveryStatus {
    PENDING("待发送"), SENDING("发送中"), SENT("已发送"), FAILED("发送失败");

    static final int MAX_ATTEMPTS = 5;
    /** WeChat busy, rate limits and token expiry are worth retrying; user-side refusals are not. */
    private static final Set<Integer> RETRYABLE = Set.of(-1, 45009, 45011, 40001, 42001);

    private final String label;

    DeliveryStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The status after a failed attempt: PENDING (the sweeper tries again) or FAILED. errcode null = not a WeChat error. */
    static DeliveryStatus afterFailure(Integer errcode, int attempts) {
        boolean retry = errcode == null || RETRYABLE.contains(errcode);
        return retry && attempts < MAX_ATTEMPTS ? PENDING : FAILED;
    }
}
