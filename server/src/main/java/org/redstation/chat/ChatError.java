package org.redstation.chat;

import org.redstation.common.ErrorCode;
import org.springframework.http.HttpStatus;

/** Errors of the chat staff API. */
final class ChatError {
    static final ErrorCode DELIVERY_NOT_FOUND = new ErrorCode("DELIVERY_NOT_FOUND", HttpStatus.NOT_FOUND, "发送记录不存在");
    static final ErrorCode DELIVERY_NOT_FAILED = new ErrorCode("DELIVERY_NOT_FAILED", HttpStatus.CONFLICT, "只有发送失败的消息可以重发");
    static final ErrorCode RULE_NOT_FOUND = new ErrorCode("RULE_NOT_FOUND", HttpStatus.NOT_FOUND, "关键词规则不存在");
    static final ErrorCode RULE_PATTERN_INVALID = new ErrorCode("RULE_PATTERN_INVALID", HttpStatus.BAD_REQUEST, "正则表达式写法有误（不支持反向引用和环视）");
    static final ErrorCode CONVERSATION_NOT_FOUND = new ErrorCode("CONVERSATION_NOT_FOUND", HttpStatus.NOT_FOUND, "会话不存在");
    static final ErrorCode CONVERSATION_CLOSED = new ErrorCode("CONVERSATION_CLOSED", HttpStatus.CONFLICT, "会话已关闭，不能再回复");
    static final ErrorCode CONVERSATION_NO_APP_USER = new ErrorCode("CONVERSATION_NO_APP_USER", HttpStatus.UNPROCESSABLE_ENTITY,
            "这位居民还没有登录过小程序，无法转为心愿；请引导居民在小程序“微心愿”中提交");
    static final ErrorCode BINDING_NOT_FOUND = new ErrorCode("BINDING_NOT_FOUND", HttpStatus.NOT_FOUND, "该账号没有绑定微信");
    static final ErrorCode MENU_PUBLISH_FAILED = new ErrorCode("MENU_PUBLISH_FAILED", HttpStatus.BAD_GATEWAY, "菜单发布失败，请稍后再试");

    private ChatError() {
    }
}
