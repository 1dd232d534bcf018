package org.redstation.chat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import me.chanjar.weixin.common.api.WxConsts.EventType;
import me.chanjar.weixin.common.api.WxConsts.XmlMsgType;
import me.chanjar.weixin.mp.api.WxMpMessageRouter;
import me.chanjar.weixin.mp.api.WxMpService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The official account's message routing, in order: one handler per message type. Every rule is
 * {@code async(false)} so the answer goes into the HTTP response (WxJava's async rules always answer nothing).
 * Duplicates are filtered by the portal in Redis, across instances, before routing; the router's in-memory
 * checker is switched off.
 */
@Configuration(proxyBeanMethods = false)
class ChatRouting {

    @Bean(destroyMethod = "shutDownExecutorService")
    WxMpMessageRouter chatRouter(WxMpService mp, SubscribeHandler subscribe, NoReplyHandler noReply, MenuClickHandler click,
                                 ScanHandler scan, TextHandler text, LocationHandler location, VoiceHandler voice, MediaHandler media,
                                 UnsupportedHandler unsupported) {
        // sync rules never use the pool; one small daemon thread instead of WxJava's default hundred
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wx-router");
            t.setDaemon(true);
            return t;
        });
        WxMpMessageRouter router = new WxMpMessageRouter(mp, pool);
        router.setMessageDuplicateChecker(id -> false);
        return router
                .rule().async(false).msgType(XmlMsgType.EVENT).event(EventType.SUBSCRIBE).handler(subscribe).end()
                .rule().async(false).msgType(XmlMsgType.EVENT).event(EventType.UNSUBSCRIBE).handler(noReply).end()
                .rule().async(false).msgType(XmlMsgType.EVENT).event(EventType.SCAN).handler(scan).end()
                .rule().async(false).msgType(XmlMsgType.EVENT).event(EventType.CLICK).handler(click).end()
                .rule().async(false).msgType(XmlMsgType.EVENT).event(EventType.VIEW).handler(noReply).end()
                .rule().async(false).msgType(XmlMsgType.EVENT).handler(noReply).end()
                .rule().async(false).msgType(XmlMsgType.TEXT).handler(text).end()
                .rule().async(false).msgType(XmlMsgType.LOCATION).handler(location).end()
                .rule().async(false).msgType(XmlMsgType.VOICE).handler(voice).end()
                .rule().async(false).msgType(XmlMsgType.IMAGE).handler(media).end()
                .rule().async(false).msgType(XmlMsgType.LINK).handler(media).end()
                .rule().async(false).msgType(XmlMsgType.VIDEO).handler(media).end()
                .rule().async(false).msgType(XmlMsgType.SHORTVIDEO).handler(media).end()
                .rule().async(false).handler(unsupported).end();
    }
}
