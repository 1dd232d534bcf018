package org.redstation.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaRedissonConfigImpl;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpRedissonConfigImpl;
import org.redstation.common.RedisKeys;
import org.redstation.wechat.sandbox.WxSandboxServer;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * WxJava services. Access tokens live in Redis (shared by every server instance, one refresh at a time
 * under a Redisson lock). The API host is real WeChat unless {@code redstation.wechat.api-host} is set
 * or the sandbox is enabled.
 */
@Configuration(proxyBeanMethods = false)
public class WeChatConfiguration {
    private static final Logger log = LoggerFactory.getLogger(WeChatConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "redstation.wechat.sandbox.enabled", havingValue = "true")
    public WxSandboxServer wxSandboxServer(WeChatProperties props) {
        WxSandboxServer server = new WxSandboxServer(props.sandbox().host(), props.sandbox().port(),
                props.sandbox().tokenTtlSeconds());
        server.registerMiniApp(props.miniapp().appid(), props.miniapp().secret());
        server.registerApp(props.mp().appid(), props.mp().secret());
        server.start();
        log.warn("WeChat sandbox is ON at {} (inbox: {}/sandbox/inbox) - never in production", server.baseUrl(), server.baseUrl());
        return server;
    }

    /** The API host actually used: explicit setting, else the sandbox, else null (= real WeChat). */
    static String apiHost(WeChatProperties props, ObjectProvider<WxSandboxServer> sandbox) {
        if (props.apiHost() != null && !props.apiHost().isBlank()) {
            return props.apiHost().replaceAll("/+$", "");
        }
        WxSandboxServer s = sandbox.getIfAvailable();
        return s == null ? null : s.baseUrl();
    }

    @Bean
    public WxMaService wxMaService(WeChatProperties props, RedissonClient redisson, RedisKeys keys,
                                   ObjectProvider<WxSandboxServer> sandbox) {
        WxMaRedissonConfigImpl cfg = new WxMaRedissonConfigImpl(redisson, keys.key("wx"));
        cfg.setAppid(props.miniapp().appid());
        cfg.setSecret(props.miniapp().secret());
        cfg.setToken(props.miniapp().token());
        cfg.setAesKey(props.miniapp().aesKey());
        cfg.setMsgDataFormat("JSON");
        String host = apiHost(props, sandbox);
        if (host != null) {
            cfg.setApiHostUrl(host);
        }
        WxMaServiceImpl service = new WxMaServiceImpl();
        service.setWxMaConfig(cfg);
        service.setMaxRetryTimes(props.maxRetryTimes());
        service.setRetrySleepMillis(500);
        return service;
    }

    @Bean
    public WxMpService wxMpService(WeChatProperties props, RedissonClient redisson, RedisKeys keys,
                                   ObjectProvider<WxSandboxServer> sandbox) {
        WxMpRedissonConfigImpl cfg = new WxMpRedissonConfigImpl(redisson, keys.key("wx"));
        cfg.setAppId(props.mp().appid());
        cfg.setSecret(props.mp().secret());
        cfg.setToken(props.mp().token());
        cfg.setAesKey(props.mp().aesKey());
        String host = apiHost(props, sandbox);
        if (host != null) {
            cfg.setHostConfig(WxMpHostConfig.builder().apiHost(host).mpHost(host).openHost(host).build());
        }
        WxMpServiceImpl service = new WxMpServiceImpl();
        service.setWxMpConfigStorage(cfg);
        service.setMaxRetryTimes(props.maxRetryTimes());
        service.setRetrySleepMillis(500);
        return service;
    }
}
