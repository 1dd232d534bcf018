package org.redstation.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 转心愿: staff turn a conversation's resident messages into a wish of the resident, in WeChat or through the API. */
class ChatToWishIT extends ChatTestBase {

    private static long wishNo(String answer) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("心愿 #(\\d+)").matcher(answer);
        if (!m.find()) {
            throw new AssertionError("no wish number in: " + answer);
        }
        return Long.parseLong(m.group(1));
    }

    private long conversation(String resident, String first) {
        say(resident, first);
        return conversationNo(say(resident, "大石桥"));
    }

    @Test
    void staffCommandTurnsTheConversationIntoTheResidentsWishOnce() {
        boundStaff("towish-dsq", 1L, "towish-staff");
        String staff = mpOpenid("towish-staff");
        String token = api.login("towish-res");
        String resident = mpOpenid("towish-res");
        long no = conversation(resident, "楼下的路灯坏了一个星期");
        say(resident, "晚上很黑，老人出门不方便");

        String answer = say(staff, "转心愿 " + no + " 维修帮扶");
        assertThat(answer).startsWith("已转为心愿 #");
        long wishId = wishNo(answer);
        assertThat(say(staff, "转心愿 #" + no)).isEqualTo("该会话已转为心愿 #" + wishId);
        assertThat(say(staff, "转心愿 " + no + " 修水管")).contains("类别只能是");

        // the resident sees it in 我的心愿, with the staff step on the timeline
        JsonNode mine = api.get("/api/wishes/mine", token).expect(200).body();
        assertThat(mine.findValuesAsText("id")).contains(String.valueOf(wishId));
        JsonNode w = api.get("/api/wishes/" + wishId, token).expect(200).body();
        assertThat(w.path("category").asText()).isEqualTo("REPAIR");
        assertThat(w.path("content").asText()).contains("路灯坏了一个星期").contains("老人出门不方便");
        assertThat(w.path("conversationId").asLong()).isEqualTo(no);
        assertThat(w.path("communityId").asLong()).isEqualTo(1);
        assertThat(w.path("state").asText()).isEqualTo("SUBMITTED");
        assertThat(w.path("timeline").get(0).path("actorKind").asText()).isEqualTo("STAFF");
        assertThat(w.path("timeline").get(0).path("note").asText()).contains("#" + no);

        // a stranger to the staff commands is told so
        assertThat(say(mpOpenid("towish-stranger"), "转心愿 " + no)).contains("仅限社区工作人员");
    }

    @Test
    void staffApiTurnsAConversationAndRefusesUnlinkedResidentsOtherCommunitiesAndUnknownCategories() {
        String staffToken = boundStaff("towish-api", 1L, "towish-api-staff");
        String otherStaff = boundStaff("towish-other", 3L, "towish-other-staff");
        String token = api.login("towish-api-res");
        long no = conversation(mpOpenid("towish-api-res"), "邻居装修噪音太大，想请社区调解");

        assertThat(api.post("/api/staff/chat/conversations/" + no + "/wish", Map.of("category", "XYZ"), staffToken)
                .expect(400).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.post("/api/staff/chat/conversations/" + no + "/wish", Map.of("category", "DISPUTE"), otherStaff)
                .expect(403).code()).isEqualTo("FORBIDDEN");
        JsonNode r = api.post("/api/staff/chat/conversations/" + no + "/wish", Map.of("category", "DISPUTE"), staffToken)
                .expect(200).body();
        assertThat(r.path("created").asBoolean()).isTrue();
        assertThat(r.path("message").asText()).isEqualTo("已转为心愿 #" + r.path("wishId").asLong());
        JsonNode w = api.get("/api/wishes/" + r.path("wishId").asLong(), token).expect(200).body();
        assertThat(w.path("category").asText()).isEqualTo("DISPUTE");
        assertThat(w.path("content").asText()).contains("装修噪音");

        // a follower who never used the mini-program cannot own a wish
        long lone = conversation(mpOpenid("towish-nominiapp"), "小区门口积水严重");
        assertThat(api.post("/api/staff/chat/conversations/" + lone + "/wish", Map.of(), staffToken).expect(422).code())
                .isEqualTo("CONVERSATION_NO_APP_USER");
        assertThat(api.post("/api/staff/chat/conversations/999999999/wish", Map.of(), staffToken).expect(404).code())
                .isEqualTo("CONVERSATION_NOT_FOUND");
    }
}
