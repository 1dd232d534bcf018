package org.redstation.chat;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import me.chanjar.weixin.mp.api.WxMpMessageRouter;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The official account's server URL. GET: WeChat's URL check (signature + echostr). POST: a message in plain or
 * safe (AES) mode. Every request passes {@link WxCallbackVerifier} first: bad signature 403; a timestamp more
 * than 5 minutes off or a nonce seen before: GET 403, POST "success" with nothing processed; with an AES key
 * configured only safe mode with a valid msg_signature; ToUserName must be our account when its original id
 * is configured. Each message is
 * handled once (Redis key per MsgId, or FromUserName+CreateTime for events, shared by all instances); the
 * answer is the HTTP response, slow work runs afterwards. Bad input never gets a 5xx: WeChat gets "success".
 */
@RestController
@RequestMapping("/wx/portal")
class WxPortalController {
    private static final Logger log = LoggerFactory.getLogger(WxPortalController.class);
    private static final String SUCCESS = "success";
    /** Nonces of this endpoint (a mini-program push endpoint uses its own channel). */
    static final String CHANNEL = "mp";
    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);
    private final WxMpService mp;
    private final WxMpMessageRouter router;
    private final ChatProperties props;
    private final WxCallbackVerifier verifier;
    private final ChatRateLimit rateLimit;

    WxPortalController(WxMpService mp, WxMpMessageRouter router, ChatProperties props,
                       WxCallbackVerifier verifier, ChatRateLimit rateLimit) {
        this.verifier = verifier;
        this.rateLimit = rateLimit;
        this.mp = mp;
        this.router = router;
        this.props = props;
    }

    @GetMapping
    ResponseEntity<String> verify(@RequestParam(required = false) String signature, @RequestParam(required = false) String timestamp,
                                  @RequestParam(required = false) String nonce, @RequestParam(required = false) String echostr) {
        if (echostr == null || !verifier.check(CHANNEL, token(), signature, timestamp, nonce).accepted()) {
            return forbidden();
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(echostr);
    }

    @PostMapping
    ResponseEntity<String> receive(@RequestParam(required = false) String signature, @RequestParam(required = false) String timestamp,
                                   @RequestParam(required = false) String nonce,
                                   @RequestParam(name = "encrypt_type", required = false) String encryptType,
                                   @RequestParam(name = "msg_signature", required = false) String msgSignature,
                                   HttpServletRequest request) throws IOException {
        WxCallbackVerifier.Verdict verdict = verifier.check(CHANNEL, token(), signature, timestamp, nonce);
        if (verdict == WxCallbackVerifier.Verdict.BAD_SIGNATURE) {
            return forbidden();
        }
        if (!verdict.accepted()) {
            return ok(SUCCESS); // stale or replayed: WeChat itself never sends those, an answer would only help a replay
        }
        String aesKey = mp.getWxMpConfigStorage().getAesKey();
        if (WxCallbackVerifier.plaintextRefused(aesKey, encryptType)) {
            log.warn("wx portal: plaintext message refused, WX_MP_AES_KEY is set (safe mode only)");
            return forbidden();
        }
        String body = WxCallbackVerifier.body(request);
        if (body == null) {
            log.info("wx portal: body over {} bytes ignored", WxCallbackVerifier.MAX_BODY);
            return ok(SUCCESS);
        }
        boolean aes = "aes".equalsIgnoreCase(encryptType);
        if (aes && (aesKey == null || aesKey.isBlank())) {
            log.warn("wx portal: AES message but WX_MP_AES_KEY is not set");
            return ok(SUCCESS);
        }
        if (SafeXml.hasDoctype(body)) {
            log.warn("wx portal: XML with DOCTYPE/ENTITY refused");
            return ok(SUCCESS);
        }
        WxMpXmlMessage m;
        try {
            String xml = body;
            if (aes) {
                if (msgSignature == null || msgSignature.isBlank()) {
                    log.info("wx portal: safe-mode message without msg_signature");
                    return forbidden();
                }
                xml = new WxMpCryptUtil(mp.getWxMpConfigStorage()).decryptXml(msgSignature, timestamp, nonce, body);
                if (SafeXml.hasDoctype(xml)) {
                    log.warn("wx portal: decrypted XML with DOCTYPE/ENTITY refused");
                    return ok(SUCCESS);
                }
            }
            m = WxMpXmlMessage.fromXml(xml);
        } catch (RuntimeException e) {
            if (aes && String.valueOf(e.getMessage()).contains("签名")) {
                log.info("wx portal: bad msg_signature");
                return forbidden();
            }
            log.info("wx portal: unreadable message: {}", e.toString());
            return ok(SUCCESS);
        }
        if (m == null || isBlank(m.getFromUser()) || isBlank(m.getToUser()) || isBlank(m.getMsgType())) {
            log.info("wx portal: message without FromUserName/ToUserName/MsgType");
            return ok(SUCCESS);
        }
        if (!WxCallbackVerifier.addressedTo(props.originalId(), m.getToUser())) {
            log.warn("wx portal: message to another account ({}) ignored", m.getToUser());
            return ok(SUCCESS);
        }
        String key = WxMessages.key(m);
        if (!verifier.firstDelivery(CHANNEL, key)) {
            return ok(SUCCESS);
        }
        WxMpXmlOutMessage out;
        try {
            out = rateLimit.allows(m) ? router.route(m) : rateLimit.answer(m);
        } catch (RuntimeException e) {
            log.warn("wx portal: handling {} failed: {}", m.getMsgType(), e.toString(), e);
            verifier.forget(CHANNEL, key, timestamp, nonce); // let WeChat's retry try again
            out = WxMpXmlOutMessage.TEXT().content("系统繁忙，请稍后再试。").fromUser(m.getToUser()).toUser(m.getFromUser()).build();
        }
        if (out == null) {
            return ok(SUCCESS);
        }
        return ok(aes ? out.toEncryptedXml(mp.getWxMpConfigStorage()) : out.toXml());
    }

    private String token() {
        return mp.getWxMpConfigStorage().getToken();
    }

    private static ResponseEntity<String> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("invalid signature");
    }

    private static ResponseEntity<String> ok(String body) {
        return ResponseEntity.ok().contentType(SUCCESS.equals(body) ? MediaType.TEXT_PLAIN : XML).body(body);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
