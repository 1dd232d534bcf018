package org.redstation.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redstation.station.CommunityRef;
import org.redstation.station.StationApi;
import org.redstation.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The explicit role model: who creates whom, and what a street administrator sees (demo data: street 5 has communities 9-12). */
class StaffRolesIT extends IntegrationTest {
    private static final String PASSWORD = "role-pass-123";

    @Autowired
    StationApi stations;

    private Map<String, Object> account(String username, String role, Long communityId, Long streetId) {
        Map<String, Object> m = new HashMap<>(Map.of("username", username, "password", PASSWORD, "displayName", "角色测试"));
        if (role != null) {
            m.put("role", role);
        }
        if (communityId != null) {
            m.put("communityId", communityId);
        }
        if (streetId != null) {
            m.put("streetId", streetId);
        }
        return m;
    }

    @Test
    void communityStaffCreatesNoAccountsAndNoAdministrators() {
        String admin = api.adminLogin();
        api.post("/api/staff/accounts", account("role-community", null, 3L, null), admin).expect(201);
        String staff = api.staffLogin("role-community", PASSWORD);
        for (String role : new String[] {"DISTRICT_ADMIN", "STREET_ADMIN", "COMMUNITY_STAFF"}) {
            assertThat(api.post("/api/staff/accounts", account("role-x-" + role.toLowerCase().replace('_', '-'), role, null, null), staff)
                    .expect(403).code()).isEqualTo("FORBIDDEN");
        }
        JsonNode me = api.get("/api/staff/me", staff).expect(200).body();
        assertThat(me.path("role").asText()).isEqualTo("COMMUNITY_STAFF");
        assertThat(me.path("communities").toString()).isEqualTo("[3]");
        assertThat(me.path("admin").asBoolean()).isFalse();
    }

    @Test
    void communityStaffNeedAnExistingCommunity() {
        String admin = api.adminLogin();
        assertThat(api.post("/api/staff/accounts", account("role-nocomm", "COMMUNITY_STAFF", null, null), admin)
                .expect(400).body().path("field").asText()).isEqualTo("communityId");
        assertThat(api.post("/api/staff/accounts", account("role-badcomm", "COMMUNITY_STAFF", 999_999L, null), admin)
                .expect(400).body().path("field").asText()).isEqualTo("communityId");
        assertThat(api.post("/api/staff/accounts", account("role-badstreet", "STREET_ADMIN", null, 999_999L), admin)
                .expect(400).body().path("field").asText()).isEqualTo("streetId");
    }

    @Test
    void aStreetAdministratorSeesAndStaffsItsStreetsCommunitiesOnly() {
        String admin = api.adminLogin();
        api.post("/api/staff/accounts", account("role-street", "STREET_ADMIN", null, 5L), admin).expect(201);
        String street = api.staffLogin("role-street", PASSWORD);

        JsonNode me = api.get("/api/staff/me", street).expect(200).body();
        assertThat(me.path("role").asText()).isEqualTo("STREET_ADMIN");
        List<Long> seen = new ArrayList<>();
        me.path("communities").forEach(n -> seen.add(n.asLong()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(stations.communitiesOfStreet(5).stream().map(CommunityRef::id).toList())
                .isNotEmpty().doesNotContain(3L);

        long own = seen.get(0);
        api.post("/api/staff/accounts", account("role-street-staff", "COMMUNITY_STAFF", own, null), street).expect(201);
        assertThat(api.post("/api/staff/accounts", account("role-other-street", "COMMUNITY_STAFF", 3L, null), street)
                .expect(403).code()).isEqualTo("FORBIDDEN");
        assertThat(api.post("/api/staff/accounts", account("role-street-2", "STREET_ADMIN", null, 5L), street)
                .expect(403).code()).isEqualTo("FORBIDDEN");
        assertThat(api.post("/api/staff/accounts", account("role-district-2", "DISTRICT_ADMIN", null, null), street)
                .expect(403).code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void onlyADistrictAdministratorCreatesADistrictAdministrator() {
        String admin = api.adminLogin();
        api.post("/api/staff/accounts", account("role-district", "DISTRICT_ADMIN", null, null), admin).expect(201);
        JsonNode me = api.get("/api/staff/me", api.staffLogin("role-district", PASSWORD)).expect(200).body();
        assertThat(me.path("role").asText()).isEqualTo("DISTRICT_ADMIN");
        assertThat(me.path("admin").asBoolean()).isTrue();
    }
}
