package org.redstation.chat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
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
 * The mini-program's message push URL (customer-service messages, 联系客服): GET is WeChat's URL check, POST a
 * message as JSON or XML, plain or AES (safe mode). Checked by the same {@link WxCallbackVerifier} as the official-account
 * portal (signature → 403, stale timestamp or replayed nonce → 403 / "success", each message once across instances). A text goes through the same
 * {@link Assistant} as the official account and the assistant page and is stored in the resident's thread; the
 * answer goes back through the customer-service API (chat_delivery, after commit). Bad input never gets a 5xx.
 */
@RestController
@RequestMapping("/wx/ma/push")
class MaPushController {
    private static final Logger log = LoggerFactory.getLogger(MaPushController.class);
    private static final String SUCCESS = "success";
    private static final String SCOPE = "ma";
    private final WxMaService ma;
    private final WxCallbackVerifier verifier;
    private final ChatUsers users;
    private final AssistantService assistant;
    private final Conversations conversations;
    private final Deliveries deliveries;
    private final AnswerText render;
    private final ObjectMapper json;

    MaPushController(WxMaService ma, WxCallbackVerifier verifier, ChatUsers users, AssistantService assistant,
                     Conversations conversations, Deliveries deliveries, AnswerText render, ObjectMapper json) {
        this.ma = ma;
        this.verifier = verifier;
        this.users = users;
        this.assistant = assistant;
        this.conversations = conversations;
        this.deliveries = deliveries;
        this.render = render;
        this.json = json;
    }

    @GetMapping
    ResponseEntity<String> verify(@RequestParam(required = false) String signature, @RequestParam(required = false) String timestamp,
                                  @RequestParam(required = false) String nonce, @RequestParam(required = false) String echostr) {
        if (echostr == null || !verifier.check(SCOPE, token(), signature, timestamp, nonce).accepted()) {
            return forbidden();
        }
        return ok(echostr);
    }

    @PostMapping
    ResponseEntity<String> receive(@RequestParam(required = false) String signature, @RequestParam(required = false) String timestamp,
                                   @RequestParam(required = false) String nonce,
                                   @RequestParam(name = "encrypt_type", required = false) String encryptType,
                                   @RequestParam(name = "msg_signature", required = false) String msgSignature,
                                   HttpServletRequest request) throws IOException {
        WxCallbackVerifier.Verdict verdict = verifier.check(SCOPE, token(), signature, timestamp, nonce);
        if (verdict == WxCallbackVerifier.Verdict.BAD_SIGNATURE) {
            return forbidden();
        }
        if (!verdict.accepted()) {
            return ok(SUCCESS); // stale or replayed: nothing processed, nothing for a replay to learn
        }
        // plain and compatible mode stay accepted here (the mini-program console offers them); the URL signature
        // already proves the token
        String aesKey = ma.getWxMaConfig().getAesKey();
        String body = WxCallbackVerifier.body(request);
        if (body == null || body.isBlank()) {
            return ok(SUCCESS);
        }
        boolean aes = "aes".equalsIgnoreCase(encryptType);
        if (aes && (aesKey == null || aesKey.isBlank())) {
            log.warn("ma push: AES message but WX_MA_AES_KEY is not set");
            return ok(SUCCESS);
        }
        boolean xml = body.stripLeading().startsWith("<");
        if (xml && SafeXml.hasDoctype(body)) {
            return ok(SUCCESS);
        }
        WxMaMessage m;
        try {
            String plain = body;
            if (aes) {
                WxCryptUtil crypt = new WxCryptUtil(token(), aesKey, ma.getWxMaConfig().getAppid());
                if (xml) {
                    plain = crypt.decryptXml(msgSignature, timestamp, nonce, body);
                } else {
                    String enc = json.readTree(body).path("Encrypt").asText("");
                    if (msgSignature == null || !SHA1.gen(token(), timestamp, nonce, enc).equalsIgnoreCase(msgSignature)) {
                        return forbidden();
                    }
                    plain = crypt.decrypt(enc);
                }
                xml = plain.stripLeading().startsWith("<");
                if (xml && SafeXml.hasDoctype(plain)) {
                    return ok(SUCCESS);
                }
            }
            m = xml ? WxMaMessage.fromXml(plain) : fromJson(plain);
        } catch (RuntimeException | IOException e) {
            if (aes && String.valueOf(e.getMessage()).contains("签名")) {
                return forbidden();
            }
            log.info("ma push: unreadable message: {}", e.toString());
            return ok(SUCCESS);
        }
        if (m == null || WxCallbackVerifier.isBlank(m.getFromUser()) || WxCallbackVerifier.isBlank(m.getMsgType())) {
            return ok(SUCCESS);
        }
        String key = m.getMsgId() != null ? "m:" + m.getMsgId()
                : "e:" + m.getFromUser() + ":" + m.getCreateTime() + ":" + WxMessages.nz(m.getEvent());
        if (!verifier.firstDelivery(SCOPE, key)) {
            return ok(SUCCESS);
        }
        try {
            handle(m, "ma:" + key);
        } catch (RuntimeException e) {
            log.warn("ma push: handling {} failed: {}", m.getMsgType(), e.toString(), e);
            verifier.forget(SCOPE, key, timestamp, nonce);
        }
        return ok(SUCCESS);
    }

    /** JSON pushes: WxJava's reader, after a check that the body is a JSON object at all. */
    private WxMaMessage fromJson(String body) throws IOException {
        JsonNode n = json.readTree(body);
        if (n == null || !n.isObject()) {
            return null;
        }
        return WxMaMessage.fromJson(body);
    }

    private void handle(WxMaMessage m, String key) {
        String openid = m.getFromUser();
        ChatUsers.ChatUser u = users.touch(ChatChannel.MA, openid);
        users.setKefuAt(openid);
        String type = m.getMsgType();
        if ("text".equals(type)) {
            Answer a = assistant.handle(u, m.getContent(), key);
            if (a != null) {
                deliveries.enqueue(DeliveryKind.REPLY, ChatChannel.MA, openid, render.plain(a), null, null, null);
            }
        } else if ("image".equals(type) || "miniprogrampage".equals(type)) {
            String what = "image".equals(type) ? "[图片] " + WxMessages.nz(m.getPicUrl())
                    : "[小程序卡片] " + WxMessages.nz(m.getTitle()) + " " + WxMessages.nz(m.getPagePath());
            Conversations.Forwarded f = conversations.residentMessage(u, type, what, key);
            if (f != null) {
                deliveries.enqueue(DeliveryKind.REPLY, ChatChannel.MA, openid, f.text(), null, null, null);
            }
        }
        // events (user_enter_tempsession): the window is open, nothing to answer
    }

    private String token() {
        return ma.getWxMaConfig().getToken();
    }

    private static ResponseEntity<String> forbidden() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("invalid signature");
    }

    private static ResponseEntity<String> ok(String body) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(body);
    }
}
