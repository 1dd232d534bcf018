package org.redstation.chat;

import org.redstation.common.ErrorCode;
import org.springframework.http.HttpStatus;

/** Errors of the chat staff API. */
enum ChatError implements ErrorCode {
    RULE_NOT_FOUND(HttpStatus.NOT_FOUND, "关键词规则不存在"),
    RULE_PATTERN_INVALID(HttpStatus.BAD_REQUEST, "正则表达式写法有误"),
    CONVERSATION_NOT_FOUND(HttpStatus.NOT_FOUND, "会话不存在"),
    CONVERSATION_CLOSED(HttpStatus.CONFLICT, "会话已关闭，不能再回复"),
    MENU_PUBLISH_FAILED(HttpStatus.BAD_GATEWAY, "菜单发布失败，请稍后再试");

    private final HttpStatus status;
    private final String message;

    ChatError(HttpStatus status, String message) {
        this.status = status;
        this.message = message;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String message() {
        return message;
    }
}
