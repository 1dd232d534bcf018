package org.redstation.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.chanjar.weixin.common.util.crypto.SHA1;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The /wx/portal callback: signatures, plain and safe mode, duplicates, concurrency, bad input. */
class ChatPortalIT extends ChatTestBase {
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void urlVerificationEchoesOnlyWithAValidSignature() {
        String ts = now();
        String nonce = "v" + nextMsgId();
        String sig = SHA1.gen(TOKEN, ts, nonce);
        assertThat(getRaw("?signature=" + sig + "0&timestamp=" + ts + "&nonce=" + nonce + "&echostr=hello123").status()).isEqualTo(403);
        PortalResponse ok = getRaw("?signature=" + sig + "&timestamp=" + ts + "&nonce=" + nonce + "&echostr=hello123");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("hello123");
        assertThat(getRaw("?echostr=hello123").status()).isEqualTo(403);
    }

    @Test
    void aUrlCheckWithAnOldTimestampOrAUsedNonceIsRefused() {
        String old = "1700000000";
        assertThat(getRaw("?signature=" + SHA1.gen(TOKEN, old, "abc") + "&timestamp=" + old + "&nonce=abc&echostr=x").status())
                .as("a signed URL copied from a log long ago").isEqualTo(403);
        String ts = now();
        String nonce = "v" + nextMsgId();
        String query = "?signature=" + SHA1.gen(TOKEN, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce + "&echostr=x";
        assertThat(getRaw(query).status()).isEqualTo(200);
        assertThat(getRaw(query).status()).as("the same URL again").isEqualTo(403);
    }

    @Test
    void staleAndFutureTimestampsAreIgnoredAndNothingIsProcessed() {
        String from = mpOpenid("portal-stale");
        long now = System.currentTimeMillis() / 1000;
        PortalResponse stale = postEncrypted(port, textXml(from, "我家水管坏了（旧）", nextMsgId()), String.valueOf(now - 360), "s" + nextMsgId(), false);
        PortalResponse future = postEncrypted(port, textXml(from, "我家水管坏了（未来）", nextMsgId()), String.valueOf(now + 360), "f" + nextMsgId(), false);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo("success");
        assertThat(future.body()).isEqualTo("success");
        assertThat(storedFrom(from)).isZero();
        PortalResponse inTime = postEncrypted(port, textXml(from, "帮助", nextMsgId()), String.valueOf(now - 200), "t" + nextMsgId(), false);
        assertThat(inTime.content()).as("within 5 minutes").contains("红色驿站小助手");
    }

    @Test
    void aReplayedNonceWithANewBodyIsIgnoredAlsoOnAnotherInstance() {
        String from = mpOpenid("portal-replay");
        String ts = now();
        String nonce = "r" + nextMsgId();
        assertThat(postEncrypted(port, textXml(from, "帮助", nextMsgId()), ts, nonce, false).content()).contains("红色驿站小助手");
        PortalResponse replay = postEncrypted(port, textXml(from, "我家水管坏了（重放）", nextMsgId()), ts, nonce, false);
        assertThat(replay.body()).isEqualTo("success");
        try (ConfigurableApplicationContext second = startSecondInstance("--redstation.wechat.mp.aes-key=" + AES_KEY)) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            PortalResponse elsewhere = postEncrypted(secondPort, textXml(from, "我家水管坏了（另一实例）", nextMsgId()), ts, nonce, false);
            assertThat(elsewhere.status()).isEqualTo(200);
            assertThat(elsewhere.body()).isEqualTo("success");
            // a fresh nonce on the second instance is answered: it was the nonce, not the instance
            assertThat(postEncrypted(secondPort, textXml(from, "帮助", nextMsgId()), now(), "r" + nextMsgId(), false).content())
                    .contains("红色驿站小助手");
        }
        assertThat(storedFrom(from)).isZero();
    }

    @Test
    void plaintextIsRefusedWhileAnAesKeyIsConfigured() {
        String from = mpOpenid("portal-downgrade");
        PortalResponse plain = postPlain(port, textXml(from, "我家水管坏了（明文）", nextMsgId()));
        assertThat(plain.status()).isEqualTo(403);
        String ts = now();
        String nonce = "d" + nextMsgId();
        String body = "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><Encrypt><![CDATA[x]]></Encrypt></xml>";
        assertThat(postRaw("?signature=" + SHA1.gen(TOKEN, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce + "&encrypt_type=aes", body)
                .status()).as("safe mode without msg_signature").isEqualTo(403);
        assertThat(storedFrom(from)).isZero();
    }

    @Test
    void aMessageToAnotherAccountIsIgnored() {
        String from = mpOpenid("portal-other-account");
        String xml = textXml(from, "我家水管坏了（别的公众号）", nextMsgId()).replace(ACCOUNT, "gh_someone_else");
        PortalResponse r = post(xml);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("success");
        assertThat(storedFrom(from)).isZero();
    }

    private int storedFrom(String openid) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM chat_message WHERE openid = ?", Integer.class, openid);
    }

    private static String now() {
        return String.valueOf(System.currentTimeMillis() / 1000);
    }

    @Test
    void badSignatureIsRefusedAndNothingIsProcessed() {
        String from = mpOpenid("portal-badsig");
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        PortalResponse r = postRaw("?signature=" + SHA1.gen("wrong-token", ts, "n1") + "&timestamp=" + ts + "&nonce=n1",
                textXml(from, "我家水管坏了", nextMsgId()));
        assertThat(r.status()).isEqualTo(403);
        assertThat(postRaw("", textXml(from, "我家水管坏了", nextMsgId())).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM chat_message WHERE openid = ?", Integer.class, from)).isZero();
    }

    @Test
    void safeModeDecryptsTheMessageAndEncryptsTheReply() {
        String from = mpOpenid("portal-aes");
        PortalResponse r = postEncrypted(textXml(from, "帮助", nextMsgId()), false);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("<ToUserName><![CDATA[" + from + "]]></ToUserName>");
        assertThat(r.content()).contains("红色驿站小助手");
    }

    @Test
    void safeModeWithABadMessageSignatureIsRefused() {
        String from = mpOpenid("portal-aes-bad");
        PortalResponse r = postEncrypted(textXml(from, "帮助", nextMsgId()), true);
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void aDuplicateDeliveryOfTheSameMsgIdIsProcessedOnce() throws Exception {
        String from = mpOpenid("portal-dup");
        String staffOpenid = mpOpenid("portal-dup-staff");
        boundStaff("dup-staff", 9L, "portal-dup-staff");
        say(from, "您好，我想咨询一下");
        say(from, "五月花社区");
        long msgId = nextMsgId();
        String xml = textXml(from, "重复投递测试：路灯不亮", msgId);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<PortalResponse>> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            all.add(pool.submit(() -> post(xml)));
        }
        int answered = 0;
        for (Future<PortalResponse> f : all) {
            PortalResponse r = f.get();
            assertThat(r.status()).isEqualTo(200);
            if (r.content() != null) {
                answered++;
            } else {
                assertThat(r.body()).isEqualTo("success");
            }
        }
        pool.shutdown();
        assertThat(answered).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM chat_message WHERE openid = ? AND content = ?", Integer.class,
                from, "重复投递测试：路灯不亮")).isEqualTo(1);
        awaitMessage("custom", staffOpenid, "重复投递测试");
        assertThat(sandbox.inbox().find("custom", staffOpenid, null).stream()
                .filter(m -> m.body().toString().contains("重复投递测试")).count()).isEqualTo(1);
    }

    @Test
    void aDuplicateSentToAnotherInstanceIsProcessedOnce() {
        String from = mpOpenid("portal-dup-2");
        String xml = textXml(from, "帮助", nextMsgId());
        // the second instance has no AES key: plain mode, as an account in 明文 mode uses it
        try (ConfigurableApplicationContext second = startSecondInstance()) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            PortalResponse first = post(xml);
            PortalResponse again = postPlain(secondPort, xml);
            assertThat(first.content()).contains("红色驿站小助手");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body()).isEqualTo("success");
            PortalResponse plain = postPlain(secondPort, textXml(from, "帮助", nextMsgId()));
            assertThat(plain.body()).as("plain mode answers without an AES key")
                    .contains("<ToUserName><![CDATA[" + from + "]]></ToUserName>").contains("红色驿站小助手");
        }
    }

    @Test
    void fiftyConcurrentMessagesAllGetAnswers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Callable<PortalResponse>> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String from = mpOpenid("portal-load-" + i);
            String text = switch (i % 5) {
                case 0 -> "帮助";
                case 1 -> "春园";
                case 2 -> "我的预约";
                case 3 -> "社区门口的垃圾没人清理" + i;
                default -> "附近驿站";
            };
            tasks.add(() -> post(textXml(from, text, nextMsgId())));
        }
        List<Future<PortalResponse>> results = pool.invokeAll(tasks);
        pool.shutdown();
        for (Future<PortalResponse> f : results) {
            PortalResponse r = f.get();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.content()).isNotBlank();
        }
    }

    @Test
    void malformedXmlGetsSuccessAndNoServerError() {
        assertThat(post("<xml><ToUserName>oops").status()).isEqualTo(200);
        assertThat(post("not xml at all").body()).isEqualTo("success");
        assertThat(post("").body()).isEqualTo("success");
        assertThat(post("<xml><MsgType><![CDATA[text]]></MsgType></xml>").body()).isEqualTo("success");
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        String from = mpOpenid("portal-xxe");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + from + "]]></FromUserName>"
                + "<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>&xxe;</Content><MsgId>"
                + nextMsgId() + "</MsgId></xml>";
        PortalResponse r = post(xxe);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("success").doesNotContain("root:");
        PortalResponse enc = postEncrypted(xxe, false);
        assertThat(enc.status()).isEqualTo(200);
        assertThat(enc.body()).isEqualTo("success");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM chat_message WHERE content LIKE '%root:%'", Integer.class)).isZero();
    }

    @Test
    void unknownTypesAndOversizedContentGetAClearAnswer() {
        String from = mpOpenid("portal-odd");
        String unknown = "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA[" + from + "]]></FromUserName>"
                + "<CreateTime>1700000001</CreateTime><MsgType><![CDATA[hologram]]></MsgType><MsgId>" + nextMsgId() + "</MsgId></xml>";
        assertThat(post(unknown).content()).contains("暂时不支持这种消息");
        assertThat(say(from, "长".repeat(700))).contains("消息太长了");
        assertThat(post("<xml>" + "x".repeat(70_000) + "</xml>").body()).isEqualTo("success");
        assertThat(say(from, "   ")).contains("请输入文字");
    }
}
