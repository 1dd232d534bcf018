package org.redstation.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaRedissonConfigImpl;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.util.http.RequestExecutor;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpRedissonConfigImpl;
import org.redstation.common.RedisKeys;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * WxJava services. Access tokens live in Redis (shared by every server instance, one refresh at a time
 * under a Redisson lock). The API host is real WeChat unless {@code redstation.wechat.api-host} is set
 * or a {@link WeChatApiEndpoint} (the development sandbox, not in the production jar) is present.
 */
@Configuration(proxyBeanMethods = false)
public class WeChatConfiguration {
    private static final Logger log = LoggerFactory.getLogger(WeChatConfiguration.class);

    /** The API host actually used: explicit setting, else the sandbox, else null (= real WeChat). */
    static String apiHost(WeChatProperties props, ObjectProvider<WeChatApiEndpoint> sandbox) {
        if (props.apiHost() != null && !props.apiHost().isBlank()) {
            return props.apiHost().replaceAll("/+$", "");
        }
        WeChatApiEndpoint s = sandbox.getIfAvailable();
        return s == null ? null : s.baseUrl();
    }

    @Bean
    public WxMaService wxMaService(WeChatProperties props, RedissonClient redisson, RedisKeys keys,
                                   ObjectProvider<WeChatApiEndpoint> sandbox, WeChatMetrics metrics) {
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
        WxMaServiceImpl service = new TimedWxMaService(metrics);
        service.setWxMaConfig(cfg);
        service.setMaxRetryTimes(props.maxRetryTimes());
        service.setRetrySleepMillis(500);
        return service;
    }

    @Bean
    public WxMpService wxMpService(WeChatProperties props, RedissonClient redisson, RedisKeys keys,
                                   ObjectProvider<WeChatApiEndpoint> sandbox, WeChatMetrics metrics) {
        WxMpRedissonConfigImpl cfg = new WxMpRedissonConfigImpl(redisson, keys.key("wx"));
        cfg.setAppId(props.mp().appid());
        cfg.setSecret(props.mp().secret());
        cfg.setToken(props.mp().token());
        cfg.setAesKey(props.mp().aesKey());
        String host = apiHost(props, sandbox);
        if (host != null) {
            cfg.setHostConfig(WxMpHostConfig.builder().apiHost(host).mpHost(host).openHost(host).build());
        }
        WxMpServiceImpl service = new TimedWxMpService(metrics);
        service.setWxMpConfigStorage(cfg);
        service.setMaxRetryTimes(props.maxRetryTimes());
        service.setRetrySleepMillis(500);
        return service;
    }

    /** Times every WeChat API call WxJava makes through {@code execute} (token fetches excepted). */
    static final class TimedWxMaService extends WxMaServiceImpl {
        private final WeChatMetrics metrics;

        TimedWxMaService(WeChatMetrics metrics) {
            this.metrics = metrics;
        }

        // raw: WxJava's BaseWxMaServiceImpl declares this method in a way javac sees only by its erasure
        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public Object execute(RequestExecutor executor, String uri, Object data) throws WxErrorException {
            return metrics.time("miniapp", uri, () -> super.execute(executor, uri, data));
        }
    }

    static final class TimedWxMpService extends WxMpServiceImpl {
        private final WeChatMetrics metrics;

        TimedWxMpService(WeChatMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public <T, E> T execute(RequestExecutor<T, E> executor, String uri, E data) throws WxErrorException {
            return metrics.time("mp", uri, () -> super.execute(executor, uri, data));
        }
    }
}
