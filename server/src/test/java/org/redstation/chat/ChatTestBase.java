package org.redstation.chat;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;
import org.redstation.support.IntegrationTest;
import org.redstation.wechat.sandbox.SandboxIdentity;
import org.redstation.wechat.sandbox.SandboxInbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Chat tests: the official account with an AES key (safe mode possible), a test {@link BotCommand}, and a
 * small client posting signed WeChat XML to /wx/portal the way WeChat does.
 */
@TestPropertySource(properties = {"redstation.wechat.mp.aes-key=" + ChatTestBase.AES_KEY,
        "redstation.wechat.miniapp.aes-key=" + ChatTestBase.AES_KEY,
        "redstation.chat.original-id=" + ChatTestBase.ACCOUNT})
@Import(ChatTestBase.TestCommands.class)
abstract class ChatTestBase extends IntegrationTest {
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String TOKEN = "sandbox-mp-token";
    static final String MP_APPID = "wx-sandbox-mp";
    static final String ACCOUNT = "gh_redstation";
    private static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 1000);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    protected WxMpService wxMpService;

    @TestConfiguration
    static class TestCommands {
        @Bean
        BotCommand testCommand() {
            return new BotCommand() {
                @Override
                public List<String> keywords() {
                    return List.of("测试指令");
                }

                @Override
                public String reply(BotUser user, String text) {
                    return "测试指令收到：linked=" + user.linked() + " user=" + user.appUserId();
                }
            };
        }
    }

    /** The official-account openid of the WeChat user "code" (known to the sandbox's user/info). */
    protected String mpOpenid(String code) {
        sandbox.registerUser(code);
        return SandboxIdentity.openid(MP_APPID, code);
    }

    static long nextMsgId() {
        return MSG_IDS.incrementAndGet();
    }

    static String textXml(String from, String content, long msgId) {
        return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + from + "]]></FromUserName>"
                + "<CreateTime>" + (System.currentTimeMillis() / 1000) + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    static String eventXml(String from, String event, String key, long createTime) {
        return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + from + "]]></FromUserName>"
                + "<CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[" + event + "]]></Event>" + (key == null ? "" : "<EventKey><![CDATA[" + key + "]]></EventKey>") + "</xml>";
    }

    static String locationXml(String from, double lat, double lng, long msgId) {
        return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + from + "]]></FromUserName>"
                + "<CreateTime>" + (System.currentTimeMillis() / 1000) + "</CreateTime><MsgType><![CDATA[location]]></MsgType>"
                + "<Location_X>" + lat + "</Location_X><Location_Y>" + lng + "</Location_Y><Scale>15</Scale>"
                + "<Label><![CDATA[某地]]></Label><MsgId>" + msgId + "</MsgId></xml>";
    }

    record PortalResponse(int status, String body) {
        /** The text of a plain-mode text reply. */
        String content() {
            int i = body.indexOf("<Content><![CDATA[");
            if (i < 0) {
                return null;
            }
            return body.substring(i + 18, body.indexOf("]]></Content>", i));
        }
    }

    /**
     * Posts a message as WeChat does in safe mode (an AES key is configured, so plaintext is refused); returns the
     * decrypted reply ("success" stays as is).
     */
    PortalResponse post(String xml) {
        return postEncrypted(xml, false);
    }

    /** Posts plain-mode XML, signed with the account's token (refused while an AES key is configured). */
    PortalResponse postPlain(int port, String xml) {
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        String nonce = "n" + nextMsgId();
        return postRaw(port, "?signature=" + SHA1.gen(TOKEN, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce + "&openid=x", xml);
    }

    /** Sends a text from a WeChat user and returns the bot's text answer (null = no answer). */
    String say(String from, String text) {
        PortalResponse r = post(textXml(from, text, nextMsgId()));
        if (r.status() != 200) {
            throw new AssertionError("portal answered " + r.status() + ": " + r.body());
        }
        return r.content();
    }

    /** Posts safe-mode (AES) XML as WeChat does; returns the decrypted reply XML ("success" stays as is). */
    PortalResponse postEncrypted(String plainXml, boolean breakMsgSignature) {
        return postEncrypted(port, plainXml, String.valueOf(System.currentTimeMillis() / 1000), "n" + nextMsgId(), breakMsgSignature);
    }

    /** Safe mode with a given timestamp and nonce, to a given instance. */
    PortalResponse postEncrypted(int port, String plainXml, String ts, String nonce, boolean breakMsgSignature) {
        WxMpCryptUtil crypt = new WxMpCryptUtil(wxMpService.getWxMpConfigStorage());
        String enc = crypt.encrypt("RANDOM16CHARSxyz", plainXml);
        String msgSig = SHA1.gen(TOKEN, ts, nonce, enc) + (breakMsgSignature ? "0" : "");
        String body = "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><Encrypt><![CDATA[" + enc + "]]></Encrypt></xml>";
        PortalResponse r = postRaw(port, "?signature=" + SHA1.gen(TOKEN, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce
                + "&openid=x&encrypt_type=aes&msg_signature=" + msgSig, body);
        if (r.status() != 200 || !r.body().contains("<Encrypt>")) {
            return r;
        }
        String replyEnc = between(r.body(), "<Encrypt><![CDATA[", "]]></Encrypt>");
        String replySig = between(r.body(), "<MsgSignature><![CDATA[", "]]></MsgSignature>");
        String replyTs = between(r.body(), "<TimeStamp>", "</TimeStamp>");
        String replyNonce = between(r.body(), "<Nonce><![CDATA[", "]]></Nonce>");
        if (!SHA1.gen(TOKEN, replyTs, replyNonce, replyEnc).equals(replySig)) {
            throw new AssertionError("reply signature does not verify: " + r.body());
        }
        return new PortalResponse(200, crypt.decrypt(replyEnc));
    }

    PortalResponse postRaw(String query, String body) {
        return postRaw(port, query, body);
    }

    PortalResponse postRaw(int port, String query, String body) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wx/portal" + query))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/xml")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new PortalResponse(r.statusCode(), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    PortalResponse getRaw(String query) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wx/portal" + query)).GET().build();
            HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new PortalResponse(r.statusCode(), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String between(String s, String a, String b) {
        int i = s.indexOf(a);
        return i < 0 ? null : s.substring(i + a.length(), s.indexOf(b, i + a.length()));
    }

    /** Creates a staff account of a community (null = district admin), logs in, binds WeChat user "code"; returns the token. */
    String boundStaff(String username, Long communityId, String wechatCode) {
        String admin = api.adminLogin();
        Map<String, Object> req = new HashMap<>(Map.of("username", username, "password", "secret-pass-1", "displayName", "王" + username));
        if (communityId != null) {
            req.put("communityId", communityId);
        } else {
            req.put("role", "DISTRICT_ADMIN"); // staff without a community: the district's ("the street" of an escalation)
        }
        api.post("/api/staff/accounts", req, admin).expect(201);
        String token = api.staffLogin(username, "secret-pass-1");
        String code = api.post("/api/staff/chat/binding-code", null, token).expect(200).body().path("code").asText();
        String answer = say(mpOpenid(wechatCode), "绑定 " + code);
        if (answer == null || !answer.startsWith("绑定成功")) {
            throw new AssertionError("binding failed: " + answer);
        }
        return token;
    }

    /** Waits for a customer-service (or other) message to an openid whose text contains {@code part}. */
    SandboxInbox.Message awaitMessage(String type, String openid, String part) {
        SandboxInbox.Message[] found = new SandboxInbox.Message[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            for (SandboxInbox.Message m : sandbox.inbox().find(type, openid, null)) {
                if (m.body().toString().contains(part)) {
                    found[0] = m;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** The conversation number in a bot answer like "（会话 #12）". */
    static long conversationNo(String answer) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("#(\\d+)").matcher(answer);
        if (!m.find()) {
            throw new AssertionError("no conversation number in: " + answer);
        }
        return Long.parseLong(m.group(1));
    }
}
