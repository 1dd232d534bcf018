package org.redstation.wechat.sandbox;

import org.redstation.wechat.WeChatProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Development only (src/dev, on the run command's and the tests' classpath, not in the production jar):
 * with {@code WX_SANDBOX_ENABLED=true} the sandbox runs inside the server and WxJava is pointed at it
 * (it is the {@link org.redstation.wechat.WeChatApiEndpoint}).
 */
@AutoConfiguration
@ConditionalOnProperty(name = "redstation.wechat.sandbox.enabled", havingValue = "true")
public class SandboxConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    @Bean(destroyMethod = "close")
    public WxSandboxServer wxSandboxServer(WeChatProperties props) {
        WxSandboxServer server = new WxSandboxServer(props.sandbox().host(), props.sandbox().port(),
                props.sandbox().tokenTtlSeconds());
        server.registerMiniApp(props.miniapp().appid(), props.miniapp().secret());
        server.registerApp(props.mp().appid(), props.mp().secret());
        server.start();
        log.warn("WeChat sandbox is ON at {} (inbox: {}/sandbox/inbox) - never in production", server.baseUrl(), server.baseUrl());
        return server;
    }
}
