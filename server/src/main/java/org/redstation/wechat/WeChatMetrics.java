package org.redstation.wechat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import me.chanjar.weixin.common.error.WxErrorException;
import org.springframework.stereotype.Component;

/**
 * {@code redstation.wechat.api} timer: every WeChat API call by app ({@code miniapp}/{@code mp}), API path
 * (query stripped: it can hold secrets and codes) and outcome ({@code ok}, the WeChat errcode, or
 * {@code io} for a network failure).
 */
@Component
class WeChatMetrics {
    private final MeterRegistry registry;

    WeChatMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    interface Call<R> {
        R run() throws WxErrorException;
    }

    <R> R time(String app, String uri, Call<R> call) throws WxErrorException {
        long start = System.nanoTime();
        String outcome = "ok";
        try {
            return call.run();
        } catch (WxErrorException e) {
            outcome = e.getError() == null ? "error" : String.valueOf(e.getError().getErrorCode());
            throw e;
        } catch (RuntimeException e) {
            outcome = "io";
            throw e;
        } finally {
            Timer.builder("redstation.wechat.api")
                    .description("WeChat API calls made by WxJava")
                    .tag("app", app).tag("api", path(uri)).tag("outcome", outcome)
                    .register(registry)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** {@code https://api.weixin.qq.com/sns/jscode2session?appid=…} -> {@code /sns/jscode2session}. */
    static String path(String uri) {
        if (uri == null) {
            return "unknown";
        }
        String s = uri;
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            int slash = s.indexOf('/', scheme + 3);
            s = slash < 0 ? "/" : s.substring(slash);
        }
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
