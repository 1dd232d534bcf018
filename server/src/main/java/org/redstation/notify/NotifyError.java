package org.redstation.notify;

import org.redstation.common.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of the consent and message-centre endpoints. */
final class NotifyError {
    static final ErrorCode TEMPLATE_UNKNOWN = new ErrorCode("TEMPLATE_UNKNOWN", HttpStatus.BAD_REQUEST, "没有这种消息提醒");
    static final ErrorCode MESSAGE_NOT_FOUND = new ErrorCode("MESSAGE_NOT_FOUND", HttpStatus.NOT_FOUND, "没有找到这条消息");

    private NotifyError() {
    }
}
