package org.redstation.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.redstation.support.Api;
import org.redstation.support.IntegrationTest;
import org.springframework.context.ConfigurableApplicationContext;

/** Staff side: QR codes and posters end to end, edits with audit and cache eviction (also across instances). */
class StationStaffIT extends IntegrationTest {

    static String decodeQr(byte[] image) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(image));
        assertThat(img).as("an image").isNotNull();
        // ZXing's finder misses some scaled, JPEG-compressed codes on one path and not another: try the pure-barcode
        // path (a code alone), then the finder with both binarizers, then the same at twice the size.
        for (BufferedImage candidate : List.of(img, doubled(img))) {
            BufferedImageLuminanceSource src = new BufferedImageLuminanceSource(candidate);
            List<BinaryBitmap> bitmaps = List.of(new BinaryBitmap(new HybridBinarizer(src)),
                    new BinaryBitmap(new com.google.zxing.common.GlobalHistogramBinarizer(src)));
            for (BinaryBitmap bitmap : bitmaps) {
                try {
                    return new com.google.zxing.qrcode.QRCodeReader().decode(bitmap,
                            Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
                } catch (com.google.zxing.ReaderException notPure) {
                    try {
                        return new MultiFormatReader().decode(bitmap,
                                Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
                    } catch (com.google.zxing.ReaderException next) {
                        // try the next way
                    }
                }
            }
        }
        throw com.google.zxing.NotFoundException.getNotFoundInstance();
    }

    private static BufferedImage doubled(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth() * 2, img.getHeight() * 2, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.drawImage(img, 0, 0, out.getWidth(), out.getHeight(), null);
        g.dispose();
        return out;
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private long idOf(String code) {
        return api.get("/api/stations/scan?scene=st%3D" + code).expect(200).body().path("station").path("id").asLong();
    }

    /** A fresh station in 春园社区 (community 3) so edits never disturb the demo stations. */
    private long newStation(String token, String code) {
        Map<String, Object> station = new HashMap<>(Map.of("name", "测试驿站" + code, "address", "紫贞街道测试路1号",
                "latitude", 32.0790, "longitude", 112.1440, "buildType", "NEW", "phone", "0710-3319999"));
        JsonNode s = api.post("/api/staff/stations", Map.of("code", code, "communityId", 3, "station", station), token)
                .expect(201).body();
        long id = s.path("id").asLong();
        List<Map<String, Object>> windows = new java.util.ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            windows.add(Map.of("dayOfWeek", d, "start", "00:00", "end", "23:59", "kind", d >= 6 ? "RED_WEEKEND" : "REGULAR"));
        }
        api.put("/api/staff/stations/" + id + "/hours", Map.of("windows", windows), token).expect(200);
        api.put("/api/staff/stations/" + id + "/services", Map.of("services", List.of(
                Map.of("serviceId", 6), Map.of("serviceId", 1, "note", "门口插座"), Map.of("serviceId", 19, "hours", "16:30-18:00"))),
                token).expect(200);
        return id;
    }

    private static String code() {
        return "T" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36).toUpperCase();
    }

    @Test
    void qrCodeFromTheSandboxDecodesToThePageAndSceneWhichOpensTheStation() throws Exception {
        String admin = api.adminLogin();
        long id = idOf("CY01");
        Api.Resp r = api.get("/api/staff/stations/" + id + "/qrcode", admin).expect(200);
        assertThat(r.header("Content-Type")).startsWith("image/png");
        assertThat(isPng(r.raw())).isTrue();

        // what WeChat would open: pages/station/detail/index with options.scene
        URI uri = URI.create(decodeQr(r.raw()));
        assertThat(uri.getPath()).endsWith("/pages/station/detail/index");
        String rawScene = uri.getRawQuery().replaceFirst("^scene=", "");
        String scene = URLDecoder.decode(rawScene, StandardCharsets.UTF_8); // the page's decodeURIComponent
        assertThat(scene).isEqualTo("st=CY01").hasSizeLessThanOrEqualTo(32);
        JsonNode view = api.get("/api/stations/scan?scene=" + URLEncoder.encode(scene, StandardCharsets.UTF_8)).expect(200).body();
        assertThat(view.path("station").path("id").asLong()).isEqualTo(id);

        // made once: the sandbox is not asked again, the same bytes come back
        String made = madeAt(id);
        assertThat(api.get("/api/staff/stations/" + id + "/qrcode", admin).expect(200).raw()).isEqualTo(r.raw());
        assertThat(madeAt(id)).isEqualTo(made);

        // the poster is a PNG whose code decodes to the same page and scene
        Api.Resp poster = api.get("/api/staff/stations/" + id + "/poster", admin).expect(200);
        assertThat(isPng(poster.raw())).isTrue();
        BufferedImage p = ImageIO.read(new ByteArrayInputStream(poster.raw()));
        assertThat(p.getWidth()).isEqualTo(1240);
        assertThat(decodeQr(poster.raw())).isEqualTo(uri.toString());
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** When the stored code was made (it is made once). */
    private String madeAt(long id) {
        return jdbc.queryForObject("SELECT created_at FROM station_qrcode WHERE station_id = ?", String.class, id);
    }

    @Test
    void aCodeScannedInVainOpensAsSoonAsTheStationIsCreated() {
        String admin = api.adminLogin();
        String code = code();
        assertThat(api.get("/api/stations/scan?scene=st%3D" + code).expect(404).code()).isEqualTo("STATION_NOT_FOUND");
        long id = newStation(admin, code);
        assertThat(api.get("/api/stations/scan?scene=st%3D" + code).expect(200).body().path("station").path("id").asLong())
                .isEqualTo(id);
    }

    @Test
    void aChangedStationKeepsItsCode() throws Exception {
        String admin = api.adminLogin();
        String code = code();
        long id = newStation(admin, code);
        String before = decodeQr(api.get("/api/staff/stations/" + id + "/qrcode", admin).expect(200).raw());
        Map<String, Object> edit = new HashMap<>(Map.of("name", "改名后的驿站", "address", "新地址", "latitude", 32.08,
                "longitude", 112.15, "buildType", "CO_BUILT", "coBuildingUnit", "某共建单位"));
        api.put("/api/staff/stations/" + id, edit, admin).expect(200);
        String after = decodeQr(api.get("/api/staff/stations/" + id + "/qrcode", admin).expect(200).raw());
        assertThat(after).isEqualTo(before).endsWith("scene=st%3D" + code);
        assertThat(api.get("/api/stations/scan?scene=st%3D" + code).expect(200).body().path("station").path("name").asText())
                .isEqualTo("改名后的驿站");
    }

    @Test
    void staffEditsEvictTheCachedViewAndAreAudited() {
        String admin = api.adminLogin();
        String code = code();
        long id = newStation(admin, code);
        JsonNode v = api.get("/api/stations/" + id).expect(200).body(); // now cached
        assertThat(v.path("serviceCount").asInt()).isEqualTo(3);
        assertThat(v.path("openNow").asBoolean()).isTrue();
        assertThat(v.path("bookable").asBoolean()).isTrue(); // 四点半课堂 is bookable
        assertThat(v.path("serviceGroups").get(0).path("services").get(0).path("name").asText()).isEqualTo("饮用热水");

        // edit the notice: visible at once
        Map<String, Object> edit = new HashMap<>(Map.of("name", "测试驿站" + code, "address", "紫贞街道测试路1号",
                "latitude", 32.0790, "longitude", 112.1440, "buildType", "NEW", "notice", "今天下午停水"));
        api.put("/api/staff/stations/" + id, edit, admin).expect(200);
        assertThat(api.get("/api/stations/" + id).expect(200).body().path("notice").asText()).isEqualTo("今天下午停水");

        // reorder and drop services: visible at once
        api.put("/api/staff/stations/" + id + "/services", Map.of("services", List.of(Map.of("serviceId", 1), Map.of("serviceId", 6))),
                admin).expect(200);
        JsonNode after = api.get("/api/stations/" + id).expect(200).body();
        assertThat(after.path("serviceCount").asInt()).isEqualTo(2);
        assertThat(after.path("bookable").asBoolean()).isFalse();
        assertThat(after.path("serviceGroups").get(0).path("services").get(0).path("name").asText()).isEqualTo("免费手机充电");

        // pause: the view still opens and shows the notice; not open now
        api.put("/api/staff/stations/" + id + "/status", Map.of("status", "PAUSED", "notice", "装修暂停，下周一恢复"), admin).expect(200);
        JsonNode paused = api.get("/api/stations/scan?scene=st%3D" + code).expect(200).body();
        assertThat(paused.path("station").path("status").asText()).isEqualTo("PAUSED");
        assertThat(paused.path("notice").asText()).isEqualTo("装修暂停，下周一恢复");
        assertThat(paused.path("openNow").asBoolean()).isFalse();
        assertThat(paused.path("todayText").asText()).isEqualTo("今天暂停服务");

        // close: 404 with a Chinese message, and gone from nearby
        api.put("/api/staff/stations/" + id + "/status", Map.of("status", "CLOSED"), admin).expect(200);
        Api.Resp closed = api.get("/api/stations/scan?scene=st%3D" + code).expect(404);
        assertThat(closed.code()).isEqualTo("STATION_CLOSED");
        assertThat(closed.body().path("message").asText()).contains("已经关闭");
        assertThat(api.get("/api/stations/nearby?lat=32.079&lng=112.144").expect(200).body().toString()).doesNotContain(code);
        // staff still see it
        assertThat(api.get("/api/staff/stations/" + id, admin).expect(200).body().path("station").path("status").asText()).isEqualTo("CLOSED");

        // who, when, what
        JsonNode audit = api.get("/api/staff/stations/" + id + "/audit", admin).expect(200).body();
        List<String> actions = new java.util.ArrayList<>();
        audit.forEach(a -> actions.add(a.path("action").asText()));
        assertThat(actions).containsExactly("STATION_STATUS", "STATION_STATUS", "STATION_SERVICES", "STATION_UPDATE",
                "STATION_SERVICES", "STATION_HOURS", "STATION_CREATE");
        assertThat(audit.get(0).path("staffName").asText()).isEqualTo("admin");
        assertThat(audit.get(0).path("createdAt").asText()).isNotBlank();
        assertThat(audit.get(3).path("detail").asText()).contains("notice", "今天下午停水");
    }

    @Test
    void catalogueEditsEvictEveryStationOfferingTheService() {
        String admin = api.adminLogin();
        String code = code();
        long id = newStation(admin, code);
        api.get("/api/stations/" + id).expect(200);
        JsonNode created = api.post("/api/staff/services", Map.of("name", "测试服务" + code, "category", "便民服务",
                "usageMode", "STAFFED"), admin).expect(201).body();
        long sid = created.path("id").asLong();
        api.put("/api/staff/stations/" + id + "/services", Map.of("services", List.of(Map.of("serviceId", sid))), admin).expect(200);
        assertThat(api.get("/api/stations/" + id).body().toString()).contains("测试服务" + code);
        api.put("/api/staff/services/" + sid, Map.of("name", "改名服务" + code, "category", "便民服务", "usageMode", "BOOKABLE"),
                admin).expect(200);
        JsonNode v = api.get("/api/stations/" + id).expect(200).body();
        assertThat(v.toString()).contains("改名服务" + code);
        assertThat(v.path("bookable").asBoolean()).isTrue();
        assertThat(api.post("/api/staff/services", Map.of("name", "改名服务" + code, "category", "便民服务", "usageMode", "STAFFED"),
                admin).expect(409).code()).isEqualTo("SERVICE_NAME_TAKEN");
    }

    @Test
    void anOfferOfADisabledServiceIsListedForStaffAndKeptWhenTheListIsSavedBack() {
        String admin = api.adminLogin();
        String code = code();
        long id = newStation(admin, code);
        long on = api.post("/api/staff/services", Map.of("name", "在用服务" + code, "category", "便民服务", "usageMode", "STAFFED"),
                admin).expect(201).body().path("id").asLong();
        long off = api.post("/api/staff/services", Map.of("name", "停用服务" + code, "category", "便民服务", "usageMode", "STAFFED"),
                admin).expect(201).body().path("id").asLong();
        api.put("/api/staff/stations/" + id + "/services", Map.of("services", List.of(Map.of("serviceId", off, "note", "周三"),
                Map.of("serviceId", on))), admin).expect(200);
        api.put("/api/staff/services/" + off, Map.of("name", "停用服务" + code, "category", "便民服务", "usageMode", "STAFFED",
                "enabled", false), admin).expect(200);
        assertThat(api.get("/api/stations/" + id).expect(200).body().toString()).doesNotContain("停用服务" + code);

        JsonNode stored = api.get("/api/staff/stations/" + id + "/services", admin).expect(200).body();
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).path("serviceId").asLong()).isEqualTo(off);
        assertThat(stored.get(0).path("enabled").asBoolean()).isFalse();
        assertThat(stored.get(0).path("note").asText()).isEqualTo("周三");
        // what the console's editor sends back after an unrelated change keeps the hidden offer and its order
        List<Map<String, Object>> back = new java.util.ArrayList<>();
        stored.forEach(o -> back.add(Map.of("serviceId", o.path("serviceId").asLong(), "note", o.path("note").asText(""))));
        api.put("/api/staff/stations/" + id + "/services", Map.of("services", back), admin).expect(200);
        JsonNode again = api.get("/api/staff/stations/" + id + "/services", admin).expect(200).body();
        assertThat(again.get(0).path("serviceId").asLong()).isEqualTo(off);
        assertThat(again.get(1).path("serviceId").asLong()).isEqualTo(on);
    }

    @Test
    void communityStaffManageOnlyTheirOwnCommunity() {
        String admin = api.adminLogin();
        String user = "cy-" + code().toLowerCase();
        api.post("/api/staff/accounts", Map.of("username", user, "password", "secret-pass-1", "displayName", "春园王",
                "communityId", 3), admin).expect(201);
        String staff = api.staffLogin(user, "secret-pass-1");
        JsonNode mine = api.get("/api/staff/stations", staff).expect(200).body();
        assertThat(mine.toString()).contains("\"CY01\"").doesNotContain("\"XW01\"");
        mine.forEach(s -> assertThat(s.path("communityId").asLong()).isEqualTo(3));

        long other = idOf("XW01");
        assertThat(api.get("/api/staff/stations/" + other, staff).expect(403).code()).isEqualTo("FORBIDDEN");
        assertThat(api.get("/api/staff/stations/" + other + "/qrcode", staff).expect(403).code()).isEqualTo("FORBIDDEN");
        assertThat(api.put("/api/staff/stations/" + other + "/status", Map.of("status", "PAUSED"), staff).expect(403).code())
                .isEqualTo("FORBIDDEN");
        assertThat(api.get("/api/staff/stations?communityId=7", staff).expect(403).code()).isEqualTo("FORBIDDEN");
        Map<String, Object> station = Map.of("name", "越权驿站", "address", "x", "latitude", 32.0, "longitude", 112.0,
                "buildType", "NEW");
        assertThat(api.post("/api/staff/stations", Map.of("code", code(), "communityId", 7, "station", station), staff)
                .expect(403).code()).isEqualTo("FORBIDDEN");
        // the catalogue is the district's
        assertThat(api.post("/api/staff/services", Map.of("name", "x", "category", "y", "usageMode", "STAFFED"), staff)
                .expect(403).code()).isEqualTo("FORBIDDEN");
        // no staff login at all
        assertThat(api.get("/api/staff/stations/" + other + "/qrcode").expect(401).code()).isEqualTo("AUTH_TOKEN_MISSING");
        // and a resident token is not a staff login
        assertThat(api.get("/api/staff/stations", api.login("resident-st")).status()).isIn(401, 403);
    }

    @Test
    void badStaffInputNamesTheFieldAndChangesNothing() {
        String admin = api.adminLogin();
        String code = code();
        long id = newStation(admin, code);
        Map<String, Object> bad = new HashMap<>(Map.of("name", "x", "address", "x", "latitude", 95.0, "longitude", 112.0,
                "buildType", "NEW"));
        assertThat(api.put("/api/staff/stations/" + id, bad, admin).expect(400).body().path("field").asText()).isEqualTo("latitude");
        bad.put("latitude", 32.0);
        bad.put("buildType", "BOUGHT");
        assertThat(api.put("/api/staff/stations/" + id, bad, admin).expect(400).body().path("field").asText()).isEqualTo("buildType");
        assertThat(api.put("/api/staff/stations/" + id + "/status", Map.of("status", "GONE"), admin).expect(400)
                .body().path("field").asText()).isEqualTo("status");
        assertThat(api.put("/api/staff/stations/" + id + "/hours", Map.of("windows", List.of(Map.of("dayOfWeek", 1,
                "start", "19:00", "end", "18:00", "kind", "REGULAR"))), admin).expect(400).body().path("field").asText())
                .isEqualTo("windows[0].end");
        // an unknown service in the middle: nothing of the list is applied
        Api.Resp r = api.put("/api/staff/stations/" + id + "/services", Map.of("services", List.of(Map.of("serviceId", 1),
                Map.of("serviceId", 999999))), admin).expect(404);
        assertThat(r.code()).isEqualTo("SERVICE_NOT_FOUND");
        assertThat(r.body().path("field").asText()).isEqualTo("services[1].serviceId");
        JsonNode v = api.get("/api/stations/" + id).expect(200).body();
        assertThat(v.path("serviceCount").asInt()).isEqualTo(3);
        assertThat(v.path("station").path("name").asText()).isEqualTo("测试驿站" + code);
        // a taken code
        Map<String, Object> station = Map.of("name", "重复", "address", "x", "latitude", 32.0, "longitude", 112.0, "buildType", "NEW");
        Api.Resp dup = api.post("/api/staff/stations", Map.of("code", "CY01", "communityId", 3, "station", station), admin).expect(409);
        assertThat(dup.code()).isEqualTo("STATION_CODE_TAKEN");
        assertThat(api.post("/api/staff/stations", Map.of("code", "bad code", "communityId", 3, "station", station), admin)
                .expect(400).body().path("field").asText()).isEqualTo("code");
        assertThat(api.get("/api/staff/stations/999999/qrcode", admin).expect(404).code()).isEqualTo("STATION_NOT_FOUND");
    }

    @Test
    void anEditOnOneInstanceIsSeenByTheOtherInstance() {
        String admin = api.adminLogin();
        String code = code();
        long id = newStation(admin, code);
        try (ConfigurableApplicationContext second = startSecondInstance()) {
            Api other = apiOf(second);
            // both instances have the view cached locally
            assertThat(other.get("/api/stations/" + id).expect(200).body().has("notice")).isFalse();
            api.get("/api/stations/" + id).expect(200);
            api.put("/api/staff/stations/" + id + "/status", Map.of("status", "PAUSED", "notice", "两台服务器都要看到"), admin)
                    .expect(200);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    other.get("/api/stations/" + id).expect(200).body().path("notice").asText()).isEqualTo("两台服务器都要看到"));
            // and the other way round
            String admin2 = other.adminLogin();
            other.put("/api/staff/stations/" + id + "/status", Map.of("status", "OPEN", "notice", "恢复开放"), admin2).expect(200);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    api.get("/api/stations/" + id).expect(200).body().path("notice").asText()).isEqualTo("恢复开放"));
        }
    }

    @Test
    void concurrentEditsUnderConcurrentReadsEndWithTheLastView() throws Exception {
        String admin = api.adminLogin();
        long id = newStation(admin, code());
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            List<java.util.concurrent.Future<?>> readers = new java.util.ArrayList<>();
            for (int r = 0; r < 6; r++) {
                readers.add(pool.submit(() -> {
                    while (writing.get()) {
                        api.get("/api/stations/" + id).expect(200);
                        reads.incrementAndGet();
                    }
                }));
            }
            List<java.util.concurrent.Future<?>> writers = new java.util.ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        api.put("/api/staff/stations/" + id + "/status", Map.of("status", "OPEN", "notice", "公告" + writer + "-" + i),
                                admin).expect(200);
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : writers) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            writing.set(false);
            for (java.util.concurrent.Future<?> f : readers) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(reads.get()).isPositive();
        String last = jdbc.queryForObject("SELECT notice FROM station WHERE id = ?", String.class, id);
        // no reader put an older view back: the view (local and Redis) shows the last committed notice
        assertThat(api.get("/api/stations/" + id).expect(200).body().path("notice").asText()).isEqualTo(last);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM station_audit WHERE station_id = ? AND action = 'STATION_STATUS'",
                Integer.class, id)).isEqualTo(20);
    }
}
