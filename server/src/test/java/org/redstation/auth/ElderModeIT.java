package org.redstation.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;

/** 关怀模式 is kept per user on the server: it is back after logging in again (another phone). */
class ElderModeIT extends IntegrationTest {
    @Test
    void elderModeIsKeptWithTheUserAcrossLogins() {
        String token = api.login("elder-mode-user");
        assertThat(api.get("/api/me", token).expect(200).body().path("elderMode").asBoolean()).isFalse();
        assertThat(api.put("/api/me/elder-mode", Map.of("on", true), token).expect(200).body().path("elderMode").asBoolean()).isTrue();
        String again = api.login("elder-mode-user");
        assertThat(api.get("/api/me", again).expect(200).body().path("elderMode").asBoolean()).isTrue();
        assertThat(api.put("/api/me/elder-mode", Map.of(), again).expect(400).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.put("/api/me/elder-mode", Map.of("on", false), again).expect(200).body().path("elderMode").asBoolean()).isFalse();
        // another user is not affected
        assertThat(api.get("/api/me", api.login("elder-mode-other")).expect(200).body().path("elderMode").asBoolean()).isFalse();
    }
}
