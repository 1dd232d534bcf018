package org.redstation.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;

class StaffAccountIT extends IntegrationTest {

    @Test
    void adminCreatesCommunityStaffWhoCanLogInButNotCreateAccounts() {
        String admin = api.adminLogin();
        Map<String, Object> req = new HashMap<>(Map.of("username", "chunyuan-li", "password", "secret-pass-1",
                "displayName", "李主任", "communityId", 3));
        assertThat(api.post("/api/staff/accounts", req, admin).expect(201).body().path("communityId").asLong()).isEqualTo(3);
        assertThat(api.post("/api/staff/accounts", req, admin).expect(409).code()).isEqualTo("STAFF_USERNAME_TAKEN");

        String staff = api.staffLogin("chunyuan-li", "secret-pass-1");
        assertThat(api.get("/api/staff/me", staff).expect(200).body().path("displayName").asText()).isEqualTo("李主任");
        req.put("username", "another-one");
        assertThat(api.post("/api/staff/accounts", req, staff).expect(403).code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void wrongPasswordIsRefusedAndRepeatedFailuresLockTheAccount() {
        for (int i = 0; i < 10; i++) {
            assertThat(api.post("/api/staff/auth/login", Map.of("username", "nobody-here", "password", "x")).expect(401).code())
                    .isEqualTo("STAFF_LOGIN_FAILED");
        }
        assertThat(api.post("/api/staff/auth/login", Map.of("username", "nobody-here", "password", "x")).expect(429).code())
                .isEqualTo("STAFF_LOGIN_LOCKED");
    }

    @Test
    void shortPasswordNamesTheField() {
        String admin = api.adminLogin();
        assertThat(api.post("/api/staff/accounts", Map.of("username", "short-pw", "password", "123", "displayName", "x"), admin)
                .expect(400).body().path("field").asText()).isEqualTo("password");
    }
}
