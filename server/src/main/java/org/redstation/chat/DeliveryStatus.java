package org.redstation.chat;

import java.util.Set;

/** Where an outgoing customer-service message stands (chat_delivery.status). */
enum DeliveryStatus {
    PENDING("待发送"), SENDING("发送中"), SENT("已发送"), FAILED("发送失败");

    /**
     * WeChat busy (-1), an HTTP error from WeChat (-99, e.g. 500/502), rate limits and token expiry are worth
     * retrying; user-side refusals are not.
     */
    private static final Set<Integer> RETRYABLE = Set.of(-1, -99, 45009, 45011, 40001, 42001);

    private final String label;

    DeliveryStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /**
     * The status after the {@code attempts}-th failed attempt: PENDING (the sweeper tries again once
     * {@code policy.delayAfter(attempts)} has passed) or FAILED. errcode null = not a WeChat error (network, Redis).
     */
    static DeliveryStatus afterFailure(Integer errcode, int attempts, org.redstation.common.RetryPolicy policy) {
        boolean retry = errcode == null || RETRYABLE.contains(errcode);
        return retry && !policy.givesUpAfter(attempts) ? PENDING : FAILED;
    }

    /** A status from a query parameter; none = FAILED (what staff look for). */
    static DeliveryStatus parse(String s) {
        if (s == null || s.isBlank()) {
            return FAILED;
        }
        for (DeliveryStatus v : values()) {
            if (v.name().equalsIgnoreCase(s.trim())) {
                return v;
            }
        }
        throw org.redstation.common.BizException.invalid("status", "状态只能是 PENDING、SENDING、SENT 或 FAILED");
    }
}
