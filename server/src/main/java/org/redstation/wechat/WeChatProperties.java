package org.redstation.wechat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** WeChat settings: app ids and secrets, and where WeChat's API is (real WeChat, or the sandbox). */
@ConfigurationProperties("redstation.wechat")
public record WeChatProperties(String apiHost, Sandbox sandbox, MiniApp miniapp, Mp mp, int maxRetryTimes) {

    public WeChatProperties {
        sandbox = sandbox == null ? new Sandbox(false, 0, "127.0.0.1", 7200) : sandbox;
        miniapp = miniapp == null ? new MiniApp(null, null, null, null, "release", "formal") : miniapp;
        mp = mp == null ? new Mp(null, null, null, null) : mp;
        maxRetryTimes = maxRetryTimes <= 0 ? 2 : maxRetryTimes;
    }

    /** The built-in sandbox; never enable it in production. */
    public record Sandbox(boolean enabled, int port, String host, int tokenTtlSeconds) {
        public Sandbox {
            host = host == null || host.isBlank() ? "127.0.0.1" : host;
            tokenTtlSeconds = tokenTtlSeconds <= 0 ? 7200 : tokenTtlSeconds;
        }
    }

    /** Mini-program: envVersion is the code's version (release/trial/develop); state is the subscribe-message target. */
    public record MiniApp(String appid, String secret, String token, String aesKey, String envVersion, String state) {
    }

    /** Official account (公众号). */
    public record Mp(String appid, String secret, String token, String aesKey) {
    }
}
