package org.redstation.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for tests: real HTTP to a running server, JSON in and out, never throws on 4xx/5xx. */
public class Api {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    public record Resp(int status, JsonNode body, byte[] raw, HttpResponse<byte[]> http) {
        public String code() {
            return body == null ? null : body.path("code").asText(null);
        }

        public String text() {
            return new String(raw, java.nio.charset.StandardCharsets.UTF_8);
        }

        public Resp expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + text());
            }
            return this;
        }

        public String header(String name) {
            return http.headers().firstValue(name).orElse(null);
        }
    }

    public Resp get(String path, String token) {
        return send("GET", path, null, token, Map.of());
    }

    public Resp get(String path) {
        return get(path, null);
    }

    public Resp post(String path, Object body, String token) {
        return send("POST", path, body, token, Map.of());
    }

    public Resp post(String path, Object body) {
        return post(path, body, null);
    }

    public Resp put(String path, Object body, String token) {
        return send("PUT", path, body, token, Map.of());
    }

    public Resp delete(String path, String token) {
        return send("DELETE", path, null, token, Map.of());
    }

    /** Sends {@code body} as JSON (a String is sent as it is). */
    public Resp send(String method, String path, Object body, String token, Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            headers.forEach(b::header);
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                String s = body instanceof String str ? str : JSON.writeValueAsString(body);
                b.header("Content-Type", "application/json");
                b.method(method, HttpRequest.BodyPublishers.ofString(s));
            }
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = null;
            String ct = r.headers().firstValue("Content-Type").orElse("");
            if (ct.contains("json") && r.body().length > 0) {
                json = JSON.readTree(r.body());
            }
            return new Resp(r.statusCode(), json, r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Logs in through the mini-program login (code -> sandbox jscode2session) and returns the session token. */
    public String login(String code) {
        return post("/api/auth/login", Map.of("code", code)).expect(200).body().path("token").asText();
    }

    public String staffLogin(String username, String password) {
        return post("/api/staff/auth/login", Map.of("username", username, "password", password)).expect(200)
                .body().path("token").asText();
    }

    /** Whether this run's bootstrap administrator changed its initial password (the database lives as long as the JVM). */
    private static String adminPassword;

    /**
     * Signs in as the bootstrap administrator. The first call of a run changes the bootstrap password, as
     * every real first sign-in must; later calls use the changed one.
     */
    public String adminLogin() {
        synchronized (Api.class) {
            if (adminPassword == null) {
                Resp first = post("/api/staff/auth/login", Map.of("username", TestInfra.ADMIN_USER, "password", TestInfra.ADMIN_PASSWORD));
                if (first.status() != 200) {
                    adminPassword = TestInfra.ADMIN_CHANGED_PASSWORD;
                } else if (first.body().path("passwordChangeRequired").asBoolean()) {
                    post("/api/staff/auth/password", Map.of("currentPassword", TestInfra.ADMIN_PASSWORD,
                            "newPassword", TestInfra.ADMIN_CHANGED_PASSWORD), first.body().path("token").asText()).expect(204);
                    adminPassword = TestInfra.ADMIN_CHANGED_PASSWORD;
                } else {
                    return first.body().path("token").asText(); // not flagged: keep the bootstrap password
                }
            }
        }
        return staffLogin(TestInfra.ADMIN_USER, adminPassword);
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
