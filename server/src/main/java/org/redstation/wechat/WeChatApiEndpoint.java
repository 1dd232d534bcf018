package org.redstation.wechat;

/**
 * A local stand-in for WeChat's HTTP API (the development sandbox, which is not part of the production
 * jar). When such a bean exists and {@code redstation.wechat.api-host} is empty, WxJava talks to it.
 */
public interface WeChatApiEndpoint {
    /** e.g. {@code http://127.0.0.1:18081}, without a trailing slash. */
    String baseUrl();
}
