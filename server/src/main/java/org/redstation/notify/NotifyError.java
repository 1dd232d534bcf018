package org.redstation.notify;

import org.redstation.common.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of the consent and message-centre endpoints. */
final class NotifyError {
    static final ErrorCode TEMPLATE_UNKNOWN = new ErrorCode("TEMPLATE_UNKNOWN", HttpStatus.BAD_REQUEST, "没有这种消息提醒");
    static final ErrorCode MESSAGE_NOT_FOUND = new ErrorCode("MESSAGE_NOT_FOUND", HttpStatus.NOT_FOUND, "没有找到这条消息");
    static final ErrorCode OUTBOX_NOT_FOUND = new ErrorCode("OUTBOX_NOT_FOUND", HttpStatus.NOT_FOUND, "消息记录不存在");
    static final ErrorCode OUTBOX_NOT_FAILED = new ErrorCode("OUTBOX_NOT_FAILED", HttpStatus.CONFLICT, "只有发送失败的消息可以重发");

    private NotifyError() {
    }
}
