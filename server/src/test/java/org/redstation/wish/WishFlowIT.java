package org.redstation.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.redstation.wish.WishFixtures.assertError;
import static org.redstation.wish.WishFixtures.post;
import static org.redstation.wish.WishFixtures.upload;
import static org.redstation.wish.WishFixtures.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;
import org.redstation.wish.WishFixtures.User;

/** 群众点单 → 社区派单 → 单位接单 → 办结 → 评价, end to end through the HTTP API with the sandbox's inbox. */
class WishFlowIT extends IntegrationTest {

    private List<String> states(JsonNode timeline) {
        List<String> out = new ArrayList<>();
        timeline.forEach(e -> out.add(e.path("action").asText() + ":" + e.path("from").asText("") + "->" + e.path("to").asText()));
        return out;
    }

    private void awaitMessage(String openid, String templateId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.inbox().find("subscribe", openid, null).stream()
                .anyMatch(m -> templateId.equals(m.templateId()) && m.errcode() == 0));
    }

    @Test
    void postDispatchAcceptCompleteRateWithTimelineAndMessagesAtEachStep() {
        String admin = api.adminLogin();
        User resident = user(api, WishFixtures.unique("wish-res"));
        User leader = user(api, WishFixtures.unique("wish-lead"));
        long team = WishFixtures.team(api, admin, leader, "CIVILISATION");

        JsonNode w = post(api, resident, "REPAIR", "楼下张奶奶家的水龙头坏了，老人腿脚不便，希望有人帮忙修一下");
        long id = w.path("id").asLong();
        assertThat(w.path("state").asText()).isEqualTo("SUBMITTED");
        assertThat(w.path("stateName").asText()).isEqualTo("待派单");
        assertThat(w.path("communityName").asText()).isEqualTo("春园社区");
        upload(api, "/api/wishes/" + id + "/photos", resident.token(), "tap.png", WishFixtures.png(120, 80)).expect(201);

        // staff: the queue, suggestions (the civilisation team matches a repair), dispatch to the team
        JsonNode queue = api.get("/api/staff/wishes?communityId=3", admin).expect(200).body();
        assertThat(queue.findValuesAsText("id")).contains(String.valueOf(id));
        JsonNode suggestions = api.get("/api/staff/wishes/" + id + "/suggestions", admin).expect(200).body();
        assertThat(suggestions.get(0).path("skillMatch").asBoolean()).isTrue();
        assertThat(suggestions.findValuesAsText("id")).contains(String.valueOf(team));
        api.post("/api/staff/wishes/" + id + "/dispatch", Map.of("kind", "TEAM", "assigneeId", team), admin).expect(200);
        awaitMessage(openidOf(leader.code()), "tpl-wish-dispatched");

        // the team leader: my tasks, accept, complete with a photo and a note
        JsonNode tasks = api.get("/api/wish-tasks", leader.token()).expect(200).body();
        assertThat(tasks.findValuesAsText("id")).contains(String.valueOf(id));
        api.post("/api/wish-tasks/" + id + "/accept", null, leader.token()).expect(200);
        awaitMessage(openidOf(resident.code()), "tpl-wish-accepted");
        upload(api, "/api/wish-tasks/" + id + "/photos", leader.token(), "done.png", WishFixtures.png(60, 60)).expect(201);
        api.post("/api/wish-tasks/" + id + "/complete", Map.of("note", "已更换新水龙头，试水正常"), leader.token()).expect(200);
        awaitMessage(openidOf(resident.code()), "tpl-wish-completed");

        // the resident confirms and rates; a second rating is refused
        JsonNode rated = api.post("/api/wishes/" + id + "/rate", Map.of("rating", 5, "comment", "非常及时，谢谢！"), resident.token())
                .expect(200).body();
        assertThat(rated.path("state").asText()).isEqualTo("CLOSED");
        assertError(api.post("/api/wishes/" + id + "/rate", Map.of("rating", 4), resident.token()), 409, "WISH_ALREADY_RATED");

        JsonNode detail = api.get("/api/wishes/" + id, resident.token()).expect(200).body();
        assertThat(states(detail.path("timeline"))).containsExactly("POST:->SUBMITTED", "DISPATCH:SUBMITTED->DISPATCHED",
                "ACCEPT:DISPATCHED->ACCEPTED", "COMPLETE:ACCEPTED->COMPLETED", "RATE:COMPLETED->CLOSED");
        assertThat(detail.path("timeline").get(1).path("actorKindName").asText()).isEqualTo("社区工作人员");
        assertThat(detail.path("rating").asInt()).isEqualTo(5);
        assertThat(detail.path("photoIds")).hasSize(1);
        assertThat(detail.path("completionPhotoIds")).hasSize(1);
        assertThat(detail.path("completionNote").asText()).isEqualTo("已更换新水龙头，试水正常");
    }
}
