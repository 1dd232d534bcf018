package org.redstation.notify;

import java.util.Optional;
import java.util.Set;

/** Where an outbox message stands (stored by name in notify_outbox.status). */
enum OutboxStatus {
    PENDING("待发送"), SENDING("发送中"), SENT("已发送"), REFUSED("用户未订阅"), FAILED("发送失败"),
    /** The user had no acceptance of this template left: WeChat was not called (the message centre still has it). */
    NO_CONSENT("未获订阅授权");

    /** Template, parameter, openid, page or capability errors: retrying cannot help. */
    private static final Set<Integer> PERMANENT = Set.of(40003, 40037, 41030, 47003, 43107);
    private static final int NO_SUBSCRIPTION = 43101;

    private final String label;

    OutboxStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** A status from a query parameter; none = FAILED (what staff look for). */
    static OutboxStatus parse(String s) {
        if (s == null || s.isBlank()) {
            return FAILED;
        }
        for (OutboxStatus v : values()) {
            if (v.name().equalsIgnoreCase(s.trim())) {
                return v;
            }
        }
        throw org.redstation.common.BizException.invalid("status", "状态只能是 PENDING、SENDING、SENT、REFUSED 或 FAILED");
    }

    boolean isFinal() {
        return this == SENT || this == REFUSED || this == FAILED || this == NO_CONSENT;
    }

    /** What the message centre says about the WeChat delivery of a message. */
    String deliveryNote() {
        return switch (this) {
            case SENT -> "已通过微信通知";
            case REFUSED, NO_CONSENT -> "未订阅微信通知，仅在消息中心";
            case FAILED -> "微信通知未送达";
            case PENDING, SENDING -> "微信通知发送中";
        };
    }

    /**
     * The final status after a WeChat error, or empty when the send is worth retrying. 43101 (the user has no
     * subscription left) is REFUSED, not a failure.
     */
    static Optional<OutboxStatus> afterWeChatError(int errcode) {
        if (errcode == NO_SUBSCRIPTION) {
            return Optional.of(REFUSED);
        }
        return PERMANENT.contains(errcode) ? Optional.of(FAILED) : Optional.empty();
    }
}
