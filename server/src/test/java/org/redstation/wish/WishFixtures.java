package org.redstation.wish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.redstation.support.Api;

/** Users, teams, images and multipart uploads for the wish tests. */
final class WishFixtures {
    static final long CHUNYUAN = 3;      // 春园社区
    static final long CY01 = 3;          // 春园社区红色驿站
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private WishFixtures() {
    }

    record User(String code, String token, long id) {
    }

    static User user(Api api, String code) {
        String token = api.login(code);
        long id = api.get("/api/me", token).expect(200).body().path("id").asLong();
        return new User(code, token, id);
    }

    /** A community staff account (scope: one community) and its token. */
    static String communityStaff(Api api, String admin, long communityId) {
        String username = unique("ws").replace("-", "");
        api.post("/api/staff/accounts", Map.of("username", username, "password", "secret-pass-1", "displayName", "社区干部",
                "communityId", communityId), admin).expect(201);
        return api.staffLogin(username, "secret-pass-1");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A team of 春园社区 led by {@code leader}. */
    static long team(Api api, String admin, User leader, String category) {
        return api.post("/api/staff/volunteer/teams", Map.of("communityId", CHUNYUAN, "name", unique("测试服务队"),
                "category", category, "leaderUserId", leader.id(), "leaderName", "李队长"), admin).expect(201).body().path("id").asLong();
    }

    static JsonNode post(Api api, User u, String category, String content) {
        return api.post("/api/wishes", Map.of("category", category, "content", content, "stationId", CY01, "mayContact", true),
                u.token()).expect(201).body();
    }

    static byte[] png(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 2, h / 2);
        g.dispose();
        return encode(img, "png");
    }

    /** A JPEG carrying an EXIF segment with a GPS marker (what a phone photo has). */
    static byte[] jpegWithGps() {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        byte[] plain = encode(img, "jpeg");
        byte[] payload = "Exif\0\0GPSLatitude=32.0781;GPSLongitude=112.1432".getBytes(StandardCharsets.ISO_8859_1);
        int len = payload.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write(len >> 8);
        out.write(len & 0xff);
        out.writeBytes(payload);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    /** multipart/form-data upload of one file (what wx.uploadFile sends). */
    static Api.Resp upload(Api api, String path, String token, String filename, byte[] bytes) {
        String boundary = "----rs" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> r = CLIENT.send(HttpRequest.newBuilder(URI.create(api.base() + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = r.headers().firstValue("Content-Type").orElse("").contains("json") && r.body().length > 0
                    ? Api.json().readTree(r.body()) : null;
            return new Api.Resp(r.statusCode(), json, r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void assertError(Api.Resp r, int status, String code) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.code()).as(r.text()).isEqualTo(code);
        assertThat(r.body().path("message").asText()).as("a Chinese message").isNotBlank();
    }
}
