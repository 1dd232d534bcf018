package org.redstation.chat;

import org.redstation.wechat.sandbox.SandboxInbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the bot answers by itself: rules from the database, stations, commands of other modules, events. */
class ChatBotIT extends ChatTestBase {
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    java.time.Clock clock;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Test
    void subscribeGetsTheWelcomeAndLinksTheMiniProgramUser() {
        String token = api.login("bot-linked");
        long userId = api.get("/api/me", token).expect(200).body().path("id").asLong();
        String from = mpOpenid("bot-linked");
        PortalResponse r = post(eventXml(from, "subscribe", null, System.currentTimeMillis() / 1000));
        assertThat(r.content()).contains("欢迎关注红色驿站").doesNotContain("心愿");
        await().atMost(Duration.ofSeconds(10)).until(() -> userId == jdbc.queryForList(
                "SELECT app_user_id FROM chat_user WHERE openid = ? AND app_user_id IS NOT NULL", Long.class, from)
                .stream().findFirst().orElse(-1L));
        assertThat(say(from, "测试指令")).isEqualTo("测试指令收到：linked=true user=" + userId);
    }

    @Test
    void commandsOfOtherModulesLinkOnDemandAndUnknownFollowersStayUnlinked() {
        String token = api.login("bot-ondemand");
        long userId = api.get("/api/me", token).expect(200).body().path("id").asLong();
        assertThat(say(mpOpenid("bot-ondemand"), "测试指令")).isEqualTo("测试指令收到：linked=true user=" + userId);
        assertThat(say(mpOpenid("bot-nominiapp"), "测试 指令！")).isEqualTo("测试指令收到：linked=false user=null");
    }

    @Test
    void bookingAndDutyCommandsAnswerForLinkedUsersAndAskOthersToLogIn() {
        String token = api.login("bot-modules");
        api.get("/api/me", token).expect(200);
        String from = mpOpenid("bot-modules");
        assertThat(say(from, "我的预约")).contains("没有待参加的预约");
        assertThat(say(from, "我的值班")).isNotBlank().doesNotContain("即将开放");
        assertThat(say(from, "签到")).isNotBlank().doesNotContain("即将开放");
        assertThat(say(mpOpenid("bot-modules-nominiapp"), "我的预约")).isEqualTo(ModuleBotCommands.NOT_LINKED);
    }

    @Test
    void officialAccountCheckInNoLongerChecksInAndLinksToTheDutyPage() {
        String admin = api.adminLogin();
        String code = "bot-member-" + System.nanoTime();
        String token = api.login(code);
        long memberId = api.post("/api/member/registration", Map.of("communityId", 3, "orgId", 3, "name", "李四",
                "phoneCode", "phone-13812340000", "workplace", "襄阳铁路中学"), token).expect(200).body().path("id").asLong();
        api.post("/api/staff/members/" + memberId + "/approve", null, admin).expect(200);
        java.time.LocalDateTime start = java.time.LocalDateTime.now(clock).plusMinutes(5)
                .withSecond(0).withNano(0);
        long shift = api.post("/api/staff/duty/shifts", Map.of("stationId", 3, "date", start.toLocalDate().toString(),
                "start", start.toLocalTime().toString(), "end", start.plusHours(1).toLocalTime().toString(), "seats", 2,
                "roleName", "公众号签到" + System.nanoTime()), admin).expect(201).body().path("id").asLong();
        api.post("/api/duty/shifts/" + shift + "/claim", null, token).expect(200);

        String answer = say(mpOpenid(code), "签到");
        assertThat(answer).contains("扫描驿站的二维码", "允许获取位置", "data-miniprogram-path=\"pages/duty/mine/index\"")
                .doesNotContain("签到成功");
        assertThat(jdbc.queryForObject("SELECT checkin_at IS NULL FROM duty_claim WHERE shift_id = ?", Boolean.class, shift)).isTrue();
    }

    @Test
    void understaffedShiftsAreForwardedToTheCommunitysBoundStaff() {
        boundStaff("alert-staff-8", 8L, "alert-staff-8-wx");
        events.publishEvent(new org.redstation.duty.ShiftUnderstaffed(990L, 8L, "车城湖社区·东湖国际花园红色驿站", 8L, "晚间一小时值守",
                "2026-12-02 18:00", "2026-12-02 19:00", 3, 1));
        SandboxInbox.Message m = awaitMessage("custom", mpOpenid("alert-staff-8-wx"), "还缺 2 人");
        assertThat(m.body().toString()).contains("东湖国际花园", "18:00");
    }

    @Test
    void keywordsAreMatchedAcrossFullWidthSpacesAndPunctuation() {
        String from = mpOpenid("bot-norm");
        assertThat(say(from, "　帮　助！")).contains("红色驿站小助手").doesNotContain("心愿");
        assertThat(say(from, "ＨＥＬＰ")).contains("附近驿站");
        assertThat(say(from, "帮助。")).contains("红色驿站小助手");
        assertThat(say(from, "哪里可以充电？")).contains("免费");
        assertThat(say(from, "WiFi密码多少")).contains("无线网络");
    }

    @Test
    void staffEditRulesThroughTheApiAndTheBotUsesThemAtOnce() {
        String admin = api.adminLogin();
        String from = mpOpenid("bot-rules");
        Map<String, Object> rule = new HashMap<>(Map.of("matchType", "CONTAINS", "pattern", "停车", "reply", "驿站门口可临时停车30分钟。",
                "priority", 10));
        long id = api.post("/api/staff/chat/rules", rule, admin).expect(200).body().path("id").asLong();
        assertThat(say(from, "请问 停车 怎么收费？")).isEqualTo("驿站门口可临时停车30分钟。");

        rule.put("reply", "停车请联系物业。");
        api.put("/api/staff/chat/rules/" + id, rule, admin).expect(200);
        assertThat(say(from, "停车")).isEqualTo("停车请联系物业。");

        Map<String, Object> regex = Map.of("matchType", "REGEX", "pattern", "(办|开)(个|一个)?证明.*", "reply", "开证明请带身份证到社区服务大厅。");
        api.post("/api/staff/chat/rules", regex, admin).expect(200);
        assertThat(say(from, "我想开个证明")).isEqualTo("开证明请带身份证到社区服务大厅。");

        assertThat(api.post("/api/staff/chat/rules", Map.of("matchType", "REGEX", "pattern", "(unclosed", "reply", "x"), admin)
                .expect(400).code()).isEqualTo("RULE_PATTERN_INVALID");
        assertThat(api.post("/api/staff/chat/rules", Map.of("matchType", "FUZZY", "pattern", "x", "reply", "x"), admin)
                .expect(400).body().path("field").asText()).isEqualTo("matchType");

        api.delete("/api/staff/chat/rules/" + id, admin).expect(200);
        assertThat(say(from, "停车")).doesNotContain("物业");
    }

    @Test
    void communityStaffEditOnlyTheirCommunitysRules() {
        String admin = api.adminLogin();
        api.post("/api/staff/accounts", Map.of("username", "rules-cy", "password", "secret-pass-1", "displayName", "春园",
                "communityId", 3), admin).expect(201);
        String staff = api.staffLogin("rules-cy", "secret-pass-1");
        assertThat(api.post("/api/staff/chat/rules", Map.of("matchType", "EXACT", "pattern", "x1", "reply", "y"), staff)
                .expect(403).code()).isEqualTo("FORBIDDEN");
        assertThat(api.post("/api/staff/chat/rules", Map.of("communityId", 4, "matchType", "EXACT", "pattern", "x1", "reply", "y"), staff)
                .expect(403).code()).isEqualTo("FORBIDDEN");
        api.post("/api/staff/chat/rules", Map.of("communityId", 3, "matchType", "EXACT", "pattern", "春园活动", "reply", "本周六上午包饺子。"),
                staff).expect(200);
        assertThat(api.put("/api/staff/chat/rules/1", Map.of("matchType", "EXACT", "pattern", "帮助", "reply", "改掉"), staff)
                .expect(403).code()).isEqualTo("FORBIDDEN");
        assertThat(api.get("/api/staff/chat/rules", null).status()).isEqualTo(401);

        // a community rule answers only that community's residents
        String resident = mpOpenid("bot-chunyuan");
        say(resident, "有事请教");
        say(resident, "春园社区");
        assertThat(say(resident, "春园活动")).isEqualTo("本周六上午包饺子。");
        assertThat(say(mpOpenid("bot-elsewhere"), "春园活动")).isNotEqualTo("本周六上午包饺子。");
    }

    @Test
    void aLocationGetsTheNearestStations() {
        String from = mpOpenid("bot-loc");
        String answer = post(locationXml(from, 32.09123, 112.17215, nextMsgId())).content();
        assertThat(answer).startsWith("离您最近的红色驿站").contains("1. 大石桥社区红色驿站（0米）")
                .contains("data-miniprogram-path=\"pages/station/detail/index?id=1\"");
        assertThat(say(from, "附近驿站")).contains("位置");
        assertThat(post(eventXml(from, "CLICK", "NEARBY", System.currentTimeMillis() / 1000 + 7)).content()).contains("位置");
    }

    @Test
    void aStationNameGetsItsDetailsAndBookingGetsAMiniProgramLink() {
        String from = mpOpenid("bot-station");
        assertThat(say(from, "春园")).startsWith("春园社区红色驿站").contains("地址：紫贞街道铁路游泳池小区移交用房")
                .contains("data-miniprogram-path=\"pages/station/detail/index?id=3\"");
        assertThat(say(from, "谢洼社区·农贸市场红色驿站")).startsWith("谢洼社区·农贸市场红色驿站");
        assertThat(say(from, "预约")).contains("data-miniprogram-path=\"pages/home/index/index\"");
    }
}
