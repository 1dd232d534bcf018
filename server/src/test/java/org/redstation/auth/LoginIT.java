package org.redstation.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redstation.support.Api;
import org.redstation.support.IntegrationTest;

/** Mini-program login through the real WxJava SDK and the sandbox over HTTP; sessions in real Redis. */
class LoginIT extends IntegrationTest {

    @Test
    void codeLogsInAndTheTokenOpensMe() {
        Api.Resp r = api.post("/api/auth/login", Map.of("code", "login-it-a")).expect(200);
        String token = r.body().path("token").asText();
        assertThat(token).startsWith("v1.");
        assertThat(r.body().path("expiresIn").asLong()).isPositive();
        assertThat(r.body().path("user").path("roles").toString()).contains("RESIDENT");
        // the openid never leaves the server
        assertThat(r.text()).doesNotContain(openidOf("login-it-a"));

        Api.Resp me = api.get("/api/me", token).expect(200);
        assertThat(me.body().path("id").asLong()).isEqualTo(r.body().path("user").path("id").asLong());
    }

    @Test
    void sameCodeIsTheSameUserAndAnotherCodeAnother() {
        long a1 = api.post("/api/auth/login", Map.of("code", "login-it-same")).expect(200).body().path("user").path("id").asLong();
        long a2 = api.post("/api/auth/login", Map.of("code", "login-it-same")).expect(200).body().path("user").path("id").asLong();
        long b = api.post("/api/auth/login", Map.of("code", "login-it-other")).expect(200).body().path("user").path("id").asLong();
        assertThat(a1).isEqualTo(a2);
        assertThat(b).isNotEqualTo(a1);
    }

    @Test
    void missingCodeNamesTheField() {
        Api.Resp r = api.post("/api/auth/login", Map.of()).expect(400);
        assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.body().path("field").asText()).isEqualTo("code");
        assertThat(r.body().path("message").asText()).contains("code");
        assertThat(r.body().path("requestId").asText()).isNotBlank();
    }

    @Test
    void codeRefusedByWeChatIs400WithChineseMessage() {
        Api.Resp r = api.post("/api/auth/login", Map.of("code", "bad-code-1")).expect(400);
        assertThat(r.code()).isEqualTo("WX_CODE_INVALID");
        assertThat(r.body().path("message").asText()).contains("微信");
    }

    @Test
    void malformedCodeAndBodyAreRefusedCleanly() {
        assertThat(api.post("/api/auth/login", Map.of("code", "<script>")).expect(400).body().path("field").asText()).isEqualTo("code");
        Api.Resp r = api.post("/api/auth/login", "{not json").expect(400);
        assertThat(r.code()).isEqualTo("BAD_REQUEST_BODY");
        assertThat(r.text()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void tamperedMissingAndEndedTokensGet401() {
        String token = api.login("login-it-token");
        assertThat(api.get("/api/me").expect(401).code()).isEqualTo("AUTH_TOKEN_MISSING");
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertThat(api.get("/api/me", tampered).expect(401).code()).isEqualTo("AUTH_TOKEN_INVALID");
        assertThat(api.get("/api/me", "not-a-token").expect(401).code()).isEqualTo("AUTH_TOKEN_INVALID");

        api.post("/api/auth/logout", null, token).expect(204);
        Api.Resp ended = api.get("/api/me", token).expect(401);
        assertThat(ended.code()).isEqualTo("AUTH_TOKEN_EXPIRED");
        assertThat(ended.body().path("message").asText()).isEqualTo("登录已过期，请重新登录");
    }

    @Test
    void staffTokenIsNotAUserToken() {
        String staff = api.adminLogin();
        assertThat(api.get("/api/me", staff).expect(403).code()).isEqualTo("USER_LOGIN_REQUIRED");
        String user = api.login("login-it-not-staff");
        assertThat(api.get("/api/staff/me", user).expect(403).code()).isEqualTo("STAFF_LOGIN_REQUIRED");
    }

    @Test
    void requestIdIsEchoed() {
        Api.Resp r = api.send("GET", "/api/ping", null, null, Map.of("X-Request-Id", "test-rid-12345"));
        assertThat(r.header("X-Request-Id")).isEqualTo("test-rid-12345");
        assertThat(api.get("/api/nope").expect(404).code()).isEqualTo("NOT_FOUND");
    }
}
