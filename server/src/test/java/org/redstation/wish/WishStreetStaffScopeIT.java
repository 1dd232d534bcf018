package org.redstation.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redstation.wish.WishFixtures.assertError;
import static org.redstation.wish.WishFixtures.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redstation.support.Api;
import org.redstation.support.IntegrationTest;
import org.redstation.wish.WishFixtures.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Street staff (街道管理员, scope = the street's communities) see the queue and figures of every community of their
 * street, can narrow them to one community and act on its items, and are refused anything of another street;
 * community staff still see only their own community.
 */
class WishStreetStaffScopeIT extends IntegrationTest {
    private static final long ZIZHEN_STREET = 2;  // 紫贞街道: 春园社区 (3), 园林社区 (4)
    private static final long CHUNYUAN = 3;
    private static final long YUANLIN = 4;
    private static final long DONGFENG = 12;      // 东风街道
    @Autowired
    JdbcTemplate jdbc;

    private long post(User u, long communityId, String content) {
        return api.post("/api/wishes", Map.of("category", "REPAIR", "content", content, "communityId", communityId,
                "mayContact", true), u.token()).expect(201).body().path("id").asLong();
    }

    private static List<String> ids(JsonNode list) {
        return list.findValuesAsText("id");
    }

    private String streetAdmin(String admin, long streetId) {
        String username = WishFixtures.unique("street").replace("-", "");
        api.post("/api/staff/accounts", Map.of("username", username, "password", "secret-pass-1", "displayName", "街道干部",
                "role", "STREET_ADMIN", "streetId", streetId), admin).expect(201);
        return api.staffLogin(username, "secret-pass-1");
    }

    @Test
    void streetStaffSeeAndActOnEveryCommunityOfTheirStreetFilterByCommunityAndAreRefusedAnotherStreet() {
        String admin = api.adminLogin();
        User resident = user(api, WishFixtures.unique("street-res"));
        long chunyuan = post(resident, CHUNYUAN, "春园：楼道扶手松了");
        long yuanlin = post(resident, YUANLIN, "园林：路灯不亮");
        long dongfeng = post(resident, DONGFENG, "东风：井盖松动");
        String street = streetAdmin(admin, ZIZHEN_STREET);

        List<String> queue = ids(api.get("/api/staff/wishes", street).expect(200).body());
        assertThat(queue).contains(String.valueOf(chunyuan), String.valueOf(yuanlin)).doesNotContain(String.valueOf(dongfeng));
        List<String> onlyYuanlin = ids(api.get("/api/staff/wishes?communityId=" + YUANLIN, street).expect(200).body());
        assertThat(onlyYuanlin).contains(String.valueOf(yuanlin)).doesNotContain(String.valueOf(chunyuan));
        assertError(api.get("/api/staff/wishes?communityId=" + DONGFENG, street), 403, "FORBIDDEN");

        // acting inside the street works, on another street's item it is refused and nothing changes
        api.get("/api/staff/wishes/" + yuanlin, street).expect(200);
        User leader = user(api, WishFixtures.unique("street-lead"));
        long team = WishFixtures.team(api, admin, leader, "CIVILISATION"); // a team of 春园
        api.post("/api/staff/wishes/" + chunyuan + "/dispatch", Map.of("kind", "TEAM", "assigneeId", team), street).expect(200);
        assertError(api.get("/api/staff/wishes/" + dongfeng, street), 403, "FORBIDDEN");
        assertError(api.get("/api/staff/wishes/" + dongfeng + "/suggestions", street), 403, "FORBIDDEN");
        assertError(api.post("/api/staff/wishes/" + dongfeng + "/dispatch", Map.of("kind", "TEAM", "assigneeId", team), street),
                403, "FORBIDDEN");
        assertError(api.post("/api/staff/wish-projects", Map.of("communityId", DONGFENG, "title", "跨街道项目", "wishIds", List.of()),
                street), 403, "FORBIDDEN");
        assertThat(jdbc.queryForObject("SELECT state FROM wish WHERE id = ?", String.class, dongfeng)).isEqualTo("SUBMITTED");

        // figures: the street's communities, one of them on request, never another street's
        JsonNode figures = api.get("/api/staff/figures", street).expect(200).body();
        assertThat(figures.path("streets").findValuesAsText("streetId")).containsExactly(String.valueOf(ZIZHEN_STREET));
        assertThat(figures.path("streets").get(0).path("communities").findValuesAsText("communityId"))
                .containsExactlyInAnyOrder(String.valueOf(CHUNYUAN), String.valueOf(YUANLIN));
        JsonNode one = api.get("/api/staff/figures?communityId=" + YUANLIN, street).expect(200).body();
        assertThat(one.path("streets").get(0).path("communities").findValuesAsText("communityId")).containsExactly(String.valueOf(YUANLIN));
        assertError(api.get("/api/staff/figures?communityId=" + DONGFENG, street), 403, "FORBIDDEN");
        assertError(api.get("/api/staff/figures/monthly?from=2025-10&to=2025-11&communityId=" + DONGFENG, street), 403, "FORBIDDEN");
        api.get("/api/staff/figures/monthly?from=2025-10&to=2025-11", street).expect(200);
        api.get("/api/staff/figures/report?communityId=" + YUANLIN + "&month=2025-10", street).expect(200);
        assertError(api.get("/api/staff/figures/report?communityId=" + DONGFENG + "&month=2025-10", street), 403, "FORBIDDEN");
    }

    @Test
    void communityStaffStillSeeOnlyTheirOwnCommunityEvenWithinTheirStreet() {
        String admin = api.adminLogin();
        User resident = user(api, WishFixtures.unique("cs-res"));
        long chunyuan = post(resident, CHUNYUAN, "春园：单元门坏了");
        long yuanlin = post(resident, YUANLIN, "园林：草坪需要修剪");
        String staff = WishFixtures.communityStaff(api, admin, YUANLIN);

        List<String> queue = ids(api.get("/api/staff/wishes", staff).expect(200).body());
        assertThat(queue).contains(String.valueOf(yuanlin)).doesNotContain(String.valueOf(chunyuan));
        assertError(api.get("/api/staff/wishes?communityId=" + CHUNYUAN, staff), 403, "FORBIDDEN");
        assertError(api.get("/api/staff/wishes/" + chunyuan, staff), 403, "FORBIDDEN");
        assertError(api.post("/api/staff/wishes/" + chunyuan + "/merge", Map.of("intoId", yuanlin), staff), 403, "FORBIDDEN");

        JsonNode figures = api.get("/api/staff/figures", staff).expect(200).body();
        assertThat(figures.path("streets").findValuesAsText("communityId")).containsExactly(String.valueOf(YUANLIN));
        assertError(api.get("/api/staff/figures?communityId=" + CHUNYUAN, staff), 403, "FORBIDDEN");
        assertError(api.get("/api/staff/figures/monthly?from=2025-10&to=2025-11&communityId=" + CHUNYUAN, staff), 403, "FORBIDDEN");
        Api.Resp dash = api.get("/api/staff/dashboard?communityId=" + CHUNYUAN, staff);
        assertThat(dash.status()).isEqualTo(403);
    }
}
