package org.redstation.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.binarywang.wx.miniapp.api.WxMaService;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redstation.wechat.sandbox.SandboxInbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One bot brain over three channels: the mini-program assistant page (JSON), the official account (XML) and
 * mini-program customer service (push endpoint + customer-service API); hand-off to staff and back.
 */
class AssistantIT extends ChatTestBase {
    static final String MA_TOKEN = "sandbox-ma-token";
    static final String MA_APPID = "wx-sandbox-miniapp";
    static final String SENTENCE = "明天晚上春园能办老年卡吗";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WxMaService wxMaService;
    @Autowired
    GazetteerSource gazetteer;
    @Autowired
    Escalations escalations;

    /**
     * Fixture (JDBC: the catalogue and rules belong to other modules, this only makes the demo's 老年优待证办理 bookable
     * tomorrow 19:00-20:00 at 春园 CY01, station 3); undone after each test.
     */
    @BeforeEach
    void bookableElderCardTomorrowEvening() {
        jdbc.update("UPDATE service_item SET usage_mode = 'BOOKABLE' WHERE id = 11");
        jdbc.update("INSERT INTO booking_rule (id, station_id, kind, name, weekdays, start_time, end_time, capacity, open_days_ahead, "
                + "cancel_cutoff_minutes, waitlist_enabled, active, created_at, updated_at) VALUES (9120, 3, 'EVENING_EXTRA', '助手测试', "
                + "'1,2,3,4,5,6,7', '19:00:00', '20:00:00', 5, 7, 60, 1, 1, NOW(3), NOW(3)) ON DUPLICATE KEY UPDATE active = 1");
        jdbc.update("INSERT IGNORE INTO booking_rule_service (rule_id, service_id) VALUES (9120, 11)");
        jdbc.update("INSERT IGNORE INTO booking_slot (station_id, rule_id, slot_date, start_time, end_time, kind, name, capacity, booked, "
                + "cancel_cutoff_minutes, waitlist_enabled, status, created_at) VALUES (3, 9120, ?, '19:00:00', '20:00:00', "
                + "'EVENING_EXTRA', '助手测试', 5, 0, 60, 1, 'OPEN', NOW(3))", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1));
        gazetteer.refresh();
    }

    @AfterEach
    void undo() {
        jdbc.update("UPDATE service_item SET usage_mode = 'STAFFED' WHERE id = 11");
    }

    @Test
    void inTheMiniProgramAloneAResidentSeesTheSlotBooksItHandsOffAndReadsTheStaffReply() {
        String token = api.login("assist-alone");
        String staff = boundStaff("assist-staff-3", 3L, "assist-staff-3-wx");

        JsonNode answer = ask(token, SENTENCE);
        JsonNode card = part(answer, "slot");
        assertThat(card.path("start").asText()).isEqualTo("19:00");
        assertThat(card.path("date").asText()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString());
        assertThat(card.path("serviceName").asText()).isEqualTo("老年优待证办理");
        assertThat(card.path("stationId").asLong()).isEqualTo(3);

        // the card opens the booking form with station, slot and service: the booking API books it
        api.post("/api/booking/bookings", Map.of("stationId", 3, "slotId", card.path("slotId").asLong(),
                "serviceId", card.path("serviceId").asLong(), "idempotencyKey", "assist-alone-1"), token).expect(201);
        assertThat(part(ask(token, "我约了什么"), "booking").path("serviceName").asText()).isEqualTo("老年优待证办理");

        // a person, please: the community is asked once, then staff get it with a masked name and the booking
        // the page asks for the "您的咨询有回复" message when the resident asks for a person
        new org.redstation.support.Subscriptions(api, sandbox).accept("assist-alone", token, "consult-reply");
        String asked = part(ask(token, "我要找工作人员"), "text").path("text").asText();
        assertThat(asked).contains("社区");
        JsonNode handed = ask(token, "春园社区");
        long conversation = conversationNo(handed.toString());
        SandboxInbox.Message forwarded = awaitMessage("custom", mpOpenid("assist-staff-3-wx"), "#" + conversation);
        assertThat(forwarded.body().toString()).contains("小程序", "近期预约", "老年优待证办理", "历史 " + conversation)
                .doesNotContain("小程序用户 ");

        api.post("/api/staff/chat/conversations/" + conversation + "/reply", Map.of("content", "明晚19点带身份证来即可"), staff).expect(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> thread(token).stream()
                .anyMatch(i -> "staff".equals(i.path("role").asText()) && i.path("text").asText().contains("明晚19点")));
        List<JsonNode> items = thread(token);
        assertThat(items).extracting(i -> i.path("role").asText()).contains("resident", "bot", "staff");
        assertThat(items.stream().filter(i -> "bot".equals(i.path("role").asText())).findFirst().orElseThrow()
                .path("parts").get(0).path("type").asText()).isNotBlank();
        // no customer-service window: the reply waits in the thread and a subscribe message brings the resident back
        SandboxInbox.Message sub = awaitMessage("subscribe", openidOf("assist-alone"), "tpl-consult-reply");
        assertThat(sub.body().path("page").asText()).startsWith("pages/assistant/chat/index");
    }

    @Test
    void theSameSentenceWorksInTheOfficialAccount() {
        String answer = say(mpOpenid("assist-mp"), SENTENCE);
        assertThat(answer).contains("19:00-20:00", "老年优待证办理", "点此预约", "pages/booking/form/index?stationId=3&slotId=", "serviceId=11");
    }

    @Test
    void aBrokenChargerIsForwardedToStaffNotAnsweredByTheContainsRule() {
        boundStaff("assist-staff-3b", 3L, "assist-staff-3b-wx");
        String from = mpOpenid("assist-charger");
        say(from, "我家电动车充电桩坏了");
        String answer = say(from, "春园社区");
        assertThat(answer).contains("转给社区工作人员").doesNotContain("免费");
        awaitMessage("custom", mpOpenid("assist-staff-3b-wx"), "充电桩坏了");
        // the CONTAINS rule still answers what the parser does not claim
        assertThat(say(mpOpenid("assist-charger-2"), "哪里可以充电？")).contains("免费");
    }

    @Test
    void aStationPosterCodeTellsTheBotTheFollowersStationAndCommunity() {
        String from = mpOpenid("assist-poster");
        PortalResponse r = post(eventXml(from, "subscribe", "qrscene_st=CY01", System.currentTimeMillis() / 1000));
        assertThat(r.content()).contains("春园社区红色驿站");
        assertThat(jdbc.queryForObject("SELECT community_id FROM chat_user WHERE openid = ?", Long.class, from)).isEqualTo(3L);
        assertThat(say(from, "现在谁在值班")).contains("春园社区红色驿站", "当前值班");
        String other = mpOpenid("assist-scan");
        post(eventXml(other, "SCAN", "st=CY01", System.currentTimeMillis() / 1000));
        assertThat(jdbc.queryForObject("SELECT station_id FROM chat_user WHERE openid = ?", Long.class, other)).isEqualTo(3L);
    }

    @Test
    void customerServiceMessagesGoThroughTheSameBrainAsJsonXmlAndAes() {
        api.login("assist-kefu");
        String openid = openidOf("assist-kefu");
        assertThat(maPost(signedQuery(now()), textJson(openid, SENTENCE, nextMsgId()), false).status()).isEqualTo(200);
        assertThat(awaitMessage("custom", openid, "19:00-20:00").body().path("msgtype").asText()).isEqualTo("text");

        maPost(signedQuery(now()), textXmlMa(openid, "我的预约", nextMsgId()), false);
        awaitMessage("custom", openid, "没有待参加的预约");

        String ts = now();
        String nonce = "n" + nextMsgId();
        WxCryptUtil crypt = new WxCryptUtil(MA_TOKEN, AES_KEY, MA_APPID);
        String enc = crypt.encrypt("RANDOM16CHARSxyz", textJson(openid, "帮助", nextMsgId()));
        String query = "?signature=" + SHA1.gen(MA_TOKEN, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce
                + "&encrypt_type=aes&msg_signature=" + SHA1.gen(MA_TOKEN, ts, nonce, enc);
        assertThat(maPost(query, "{\"ToUserName\":\"gh_ma\",\"Encrypt\":\"" + enc + "\"}", false).status()).isEqualTo(200);
        awaitMessage("custom", openid, "小助手");
        // the assistant page shows customer-service exchanges too
        assertThat(thread(api.login("assist-kefu"))).anyMatch(i -> i.path("text").asText().contains(SENTENCE));
    }

    @Test
    void thePushEndpointRefusesBadInputLikeThePortal() {
        String openid = openidOf("assist-bad");
        String ts = now();
        assertThat(maGet("?signature=" + SHA1.gen(MA_TOKEN, ts, "n1") + "&timestamp=" + ts + "&nonce=n1&echostr=hello").body())
                .isEqualTo("hello");
        assertThat(maGet("?signature=bad&timestamp=" + ts + "&nonce=n1&echostr=hello").status()).isEqualTo(403);

        long msgId = nextMsgId();
        assertThat(maPost("?signature=bad&timestamp=" + ts + "&nonce=n2", textJson(openid, "帮助", msgId), false).status()).isEqualTo(403);
        String stale = String.valueOf(System.currentTimeMillis() / 1000 - 3600);
        // stale or replayed (the same nonce again): "success" and nothing processed, as on the portal
        assertThat(maPost(signedQuery(stale), textJson(openid, "帮助", msgId), false).status()).isEqualTo(200);
        String replayed = signedQuery(now());
        assertThat(maGet(replayed + "&echostr=hello").body()).isEqualTo("hello");
        assertThat(maGet(replayed + "&echostr=hello").status()).isEqualTo(403);
        assertThat(maPost(replayed, textJson(openid, "帮助", msgId), false).status()).isEqualTo(200);
        assertThat(maPost(signedQuery(now()), "{not json", false).status()).isEqualTo(200);
        assertThat(maPost(signedQuery(now()), "[1,2]", false).status()).isEqualTo(200);
        assertThat(maPost(signedQuery(now()), "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml>"
                + "<FromUserName>&e;</FromUserName><MsgType>text</MsgType></xml>", false).status()).isEqualTo(200);
        assertThat(maPost(signedQuery(now()), "x".repeat(70 * 1024), false).status()).isEqualTo(200);
        // AES message while no EncodingAESKey is configured: nothing processed
        String key = wxMaService.getWxMaConfig().getAesKey();
        ((cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl) wxMaService.getWxMaConfig()).setAesKey(null);
        try {
            assertThat(maPost(signedQuery(now()) + "&encrypt_type=aes&msg_signature=x", "{\"Encrypt\":\"abc\"}", false).status())
                    .isEqualTo(200);
        } finally {
            ((cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl) wxMaService.getWxMaConfig()).setAesKey(key);
        }
        // a bad msg_signature in safe mode: 403
        assertThat(maPost(signedQuery(now()) + "&encrypt_type=aes&msg_signature=bad", "{\"Encrypt\":\"abc\"}", false).status())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM chat_message WHERE openid = ?", Integer.class, openid)).isZero();

        // the same MsgId four times: handled once
        long once = nextMsgId();
        for (int i = 0; i < 4; i++) {
            assertThat(maPost(signedQuery(now()), textJson(openid, "帮助", once), false).status()).isEqualTo(200);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM chat_message WHERE openid = ? AND direction = 'IN'", Integer.class, openid))
                .isEqualTo(1);
    }

    @Test
    void unansweredConversationsGoToTheOtherStaffThenTheStreetOnce() {
        boundStaff("assist-esc-a", 4L, "assist-esc-a-wx");
        boundStaff("assist-esc-b", 4L, "assist-esc-b-wx");
        boundStaff("assist-esc-street", null, "assist-esc-street-wx");
        String from = mpOpenid("assist-esc-resident");
        say(from, "楼道灯坏了没人管");
        long id = conversationNo(say(from, communityName(4)));
        jdbc.update("UPDATE chat_conversation SET waiting_since = NOW(3) - INTERVAL 2 HOUR, assigned_staff_id = "
                + "(SELECT staff_id FROM chat_staff_binding WHERE display_name = '王assist-esc-a') WHERE id = ?", id);
        assertThat(escalations.escalateDue()).isGreaterThanOrEqualTo(2);
        assertThat(escalations.escalateDue()).isZero();
        awaitMessage("custom", mpOpenid("assist-esc-b-wx"), "【催办】会话 #" + id);
        awaitMessage("custom", mpOpenid("assist-esc-street-wx"), "已转街道");
        assertThat(sandbox.inbox().find("custom", mpOpenid("assist-esc-a-wx"), null))
                .noneMatch(m -> m.body().toString().contains("【催办】会话 #" + id));
        assertThat(jdbc.queryForObject("SELECT escalation FROM chat_conversation WHERE id = ?", Integer.class, id)).isEqualTo(2);
    }

    @Test
    void staffSeeTheResidentsEarlierConversationsByCommandAndApi() {
        String staff = boundStaff("assist-hist", 3L, "assist-hist-wx");
        String from = mpOpenid("assist-hist-resident");
        say(from, "我要找书记");
        long first = conversationNo(say(from, "春园社区"));
        api.post("/api/staff/chat/conversations/" + first + "/close", null, staff).expect(200);
        long second = conversationNo(say(from, "还想问一件事情找人工"));
        assertThat(say(mpOpenid("assist-hist-wx"), "历史 " + second)).contains("#" + first, "#" + second, "已关闭");
        JsonNode h = api.get("/api/staff/chat/conversations/" + second + "/history", staff).expect(200).body();
        assertThat(h.size()).isEqualTo(2);
    }

    // ---- helpers ----

    private String communityName(long id) {
        return jdbc.queryForObject("SELECT name FROM community WHERE id = ?", String.class, id);
    }

    private JsonNode ask(String token, String text) {
        return api.post("/api/assistant/messages", Map.of("text", text), token).expect(200).body();
    }

    private static JsonNode part(JsonNode answer, String type) {
        for (JsonNode p : answer.path("parts")) {
            if (type.equals(p.path("type").asText())) {
                return p;
            }
        }
        throw new AssertionError("no " + type + " part in " + answer);
    }

    private List<JsonNode> thread(String token) {
        List<JsonNode> out = new ArrayList<>();
        api.get("/api/assistant/messages?size=50", token).expect(200).body().path("items").forEach(out::add);
        return out;
    }

    private static String now() {
        return String.valueOf(System.currentTimeMillis() / 1000);
    }

    private static String signedQuery(String ts) {
        String nonce = "n" + nextMsgId();
        return "?signature=" + SHA1.gen(MA_TOKEN, ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce;
    }

    static String textJson(String from, String content, long msgId) {
        return "{\"ToUserName\":\"gh_ma\",\"FromUserName\":\"" + from + "\",\"CreateTime\":" + (System.currentTimeMillis() / 1000)
                + ",\"MsgType\":\"text\",\"Content\":\"" + content + "\",\"MsgId\":" + msgId + "}";
    }

    static String textXmlMa(String from, String content, long msgId) {
        return "<xml><ToUserName><![CDATA[gh_ma]]></ToUserName><FromUserName><![CDATA[" + from + "]]></FromUserName>"
                + "<CreateTime>" + (System.currentTimeMillis() / 1000) + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    private PortalResponse maPost(String query, String body, boolean xml) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wx/ma/push" + query))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", xml ? "text/xml" : "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new PortalResponse(r.statusCode(), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private PortalResponse maGet(String query) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wx/ma/push" + query)).GET().build();
            HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new PortalResponse(r.statusCode(), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
