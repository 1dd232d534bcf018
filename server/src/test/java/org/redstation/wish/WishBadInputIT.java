package org.redstation.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redstation.wish.WishFixtures.assertError;
import static org.redstation.wish.WishFixtures.post;
import static org.redstation.wish.WishFixtures.upload;
import static org.redstation.wish.WishFixtures.user;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.redstation.support.Api;
import org.redstation.support.IntegrationTest;
import org.redstation.wish.WishFixtures.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input gets a clear 4xx with a stable code, and failed uploads leave neither rows nor files. */
class WishBadInputIT extends IntegrationTest {
    @Autowired
    LocalDiskPhotoStore store;
    @Autowired
    JdbcTemplate jdbc;

    private long files() throws IOException {
        try (Stream<Path> s = Files.list(store.dir())) {
            return s.count();
        }
    }

    private long photoRows(long wishId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM wish_photo WHERE wish_id = ?", Long.class, wishId);
    }

    @Test
    void emptyOverLongAndUnknownTextsAreRefusedNamingTheField() {
        User u = user(api, WishFixtures.unique("text-check"));
        Api.Resp empty = api.post("/api/wishes", Map.of("category", "REPAIR", "content", "   ", "stationId", 3), u.token());
        assertError(empty, 400, "VALIDATION_FAILED");
        assertThat(empty.body().path("field").asText()).isEqualTo("content");
        assertError(api.post("/api/wishes", Map.of("category", "REPAIR", "content", "修".repeat(501), "stationId", 3), u.token()),
                400, "VALIDATION_FAILED");
        assertError(api.post("/api/wishes", Map.of("category", "REPAIR", "content", "修水管"), u.token()), 400, "VALIDATION_FAILED");
        assertError(api.post("/api/wishes", Map.of("category", "NOPE", "content", "修水管", "stationId", 3), u.token()),
                400, "BAD_REQUEST_BODY");
        assertError(api.post("/api/wishes", Map.of("category", "REPAIR", "content", "修水管", "stationId", 99999), u.token()),
                404, "STATION_NOT_FOUND");
        // exactly 500 characters is fine
        post(api, u, "OTHER", "好".repeat(500));
    }

    @Test
    void oversizedFakeAndExtraPhotosAreRefusedAndLeaveNoRowsOrFiles() throws IOException {
        User u = user(api, WishFixtures.unique("photo-check"));
        long id = post(api, u, "ENVIRONMENT", "小区东门垃圾堆了三天没人清理").path("id").asLong();
        long before = files();

        byte[] huge = new byte[5 * 1024 * 1024 + 10];
        System.arraycopy(WishFixtures.png(4, 4), 0, huge, 0, 8);
        assertError(upload(api, "/api/wishes/" + id + "/photos", u.token(), "big.png", huge), 413, "WISH_PHOTO_TOO_LARGE");
        assertError(upload(api, "/api/wishes/" + id + "/photos", u.token(), "a.jpg", "not an image at all".getBytes()),
                415, "WISH_PHOTO_NOT_IMAGE");
        byte[] fakePng = Arrays.copyOf(WishFixtures.png(4, 4), 40);
        Arrays.fill(fakePng, 8, 40, (byte) 7);
        assertError(upload(api, "/api/wishes/" + id + "/photos", u.token(), "broken.png", fakePng), 415, "WISH_PHOTO_NOT_IMAGE");
        assertThat(photoRows(id)).isZero();
        assertThat(files()).isEqualTo(before);

        for (int i = 0; i < 3; i++) {
            upload(api, "/api/wishes/" + id + "/photos", u.token(), "p.png", WishFixtures.png(30 + i, 20)).expect(201);
        }
        assertError(upload(api, "/api/wishes/" + id + "/photos", u.token(), "p.png", WishFixtures.png(40, 20)), 409, "WISH_PHOTO_LIMIT");
        assertThat(photoRows(id)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT photo_count FROM wish WHERE id = ?", Integer.class, id)).isEqualTo(3);
    }

    @Test
    void photosAreReEncodedWithoutGpsAndServedOnlyToThoseWhoMaySeeTheItem() {
        String admin = api.adminLogin();
        User owner = user(api, WishFixtures.unique("gps-owner"));
        User other = user(api, WishFixtures.unique("gps-other"));
        long id = post(api, owner, "SAFETY", "楼道灯坏了，晚上很黑").path("id").asLong();
        byte[] phone = WishFixtures.jpegWithGps();
        assertThat(WishFixtures.contains(phone, "GPSLatitude")).isTrue();
        long photo = upload(api, "/api/wishes/" + id + "/photos", owner.token(), "IMG_0001.jpg", phone).expect(201)
                .body().path("id").asLong();

        Api.Resp got = api.get("/api/wishes/" + id + "/photos/" + photo, owner.token()).expect(200);
        assertThat(got.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(WishFixtures.contains(got.raw(), "GPSLatitude")).isFalse();
        assertThat(WishFixtures.contains(got.raw(), "Exif")).isFalse();
        assertThat(got.raw()[0] & 0xff).isEqualTo(0xFF);

        assertError(api.get("/api/wishes/" + id + "/photos/" + photo, other.token()), 403, "WISH_NOT_YOURS");
        api.get("/api/staff/wishes/" + id + "/photos/" + photo, admin).expect(200);
        String elsewhere = WishFixtures.communityStaff(api, admin, 4);
        assertError(api.get("/api/staff/wishes/" + id + "/photos/" + photo, elsewhere), 403, "FORBIDDEN");
        assertError(api.get("/api/wishes/" + id + "/photos/" + photo), 401, api.get("/api/wishes/" + id + "/photos/" + photo).code());
    }

    @Test
    void ratingTwiceSomeoneElsesOrOutOfRangeAndIllegalStepsGetClearRefusals() {
        String admin = api.adminLogin();
        User owner = user(api, WishFixtures.unique("rate-owner"));
        User other = user(api, WishFixtures.unique("rate-other"));
        User leader = user(api, WishFixtures.unique("rate-lead"));
        long team = WishFixtures.team(api, admin, leader, "LEGAL_AID");
        long id = post(api, owner, "DISPUTE", "楼上装修噪音扰民，协商无果，希望社区调解").path("id").asLong();

        // illegal steps name the state
        Api.Resp early = api.post("/api/wishes/" + id + "/reopen", Map.of("reason", "没解决"), owner.token());
        assertError(early, 409, "WISH_ILLEGAL_TRANSITION");
        assertThat(early.body().path("message").asText()).contains("待派单");
        assertError(api.post("/api/wish-tasks/" + id + "/accept", null, leader.token()), 403, "WISH_NOT_ASSIGNED_TO_YOU");
        assertError(api.post("/api/wishes/" + id + "/rate", Map.of("rating", 5), owner.token()), 409, "WISH_ILLEGAL_TRANSITION");

        api.post("/api/staff/wishes/" + id + "/dispatch", Map.of("kind", "TEAM", "assigneeId", team), admin).expect(200);
        api.post("/api/wish-tasks/" + id + "/accept", null, leader.token()).expect(200);
        assertError(api.post("/api/wish-tasks/" + id + "/accept", null, leader.token()), 409, "WISH_ILLEGAL_TRANSITION");
        assertError(api.post("/api/wish-tasks/" + id + "/complete", Map.of("note", ""), leader.token()), 400, "VALIDATION_FAILED");
        assertError(api.post("/api/wishes/" + id + "/cancel", Map.of(), owner.token()), 409, "WISH_ILLEGAL_TRANSITION");
        api.post("/api/wish-tasks/" + id + "/complete", Map.of("note", "已上门调解，双方达成一致"), leader.token()).expect(200);

        assertError(api.post("/api/wishes/" + id + "/rate", Map.of("rating", 5), other.token()), 403, "WISH_NOT_YOURS");
        assertError(api.get("/api/wishes/" + id, other.token()), 403, "WISH_NOT_YOURS");
        assertError(api.post("/api/wishes/" + id + "/rate", Map.of("rating", 6), owner.token()), 400, "VALIDATION_FAILED");
        assertError(api.post("/api/wishes/" + id + "/rate", Map.of("rating", 0), owner.token()), 400, "VALIDATION_FAILED");
        api.post("/api/wishes/" + id + "/rate", Map.of("rating", 4, "comment", "调解得很好"), owner.token()).expect(200);
        assertError(api.post("/api/wishes/" + id + "/rate", Map.of("rating", 5), owner.token()), 409, "WISH_ALREADY_RATED");
        assertError(api.post("/api/wishes/424242424/rate", Map.of("rating", 5), owner.token()), 404, "WISH_NOT_FOUND");
    }

    @Test
    void staffOfAnotherCommunityCannotSeeOrActOnTheItem() {
        String admin = api.adminLogin();
        User owner = user(api, WishFixtures.unique("scope-owner"));
        User leader = user(api, WishFixtures.unique("scope-lead"));
        long team = WishFixtures.team(api, admin, leader, "CIVILISATION");
        long id = post(api, owner, "ELDERLY", "独居老人需要每周有人上门看看").path("id").asLong();
        String yuanlin = WishFixtures.communityStaff(api, admin, 4);
        String chunyuan = WishFixtures.communityStaff(api, admin, 3);

        assertError(api.get("/api/staff/wishes/" + id, yuanlin), 403, "FORBIDDEN");
        assertError(api.post("/api/staff/wishes/" + id + "/dispatch", Map.of("kind", "TEAM", "assigneeId", team), yuanlin),
                403, "FORBIDDEN");
        assertError(api.get("/api/staff/wishes?communityId=3", yuanlin), 403, "FORBIDDEN");
        assertThat(api.get("/api/staff/wishes", yuanlin).expect(200).body().findValuesAsText("id")).doesNotContain(String.valueOf(id));
        assertThat(api.get("/api/staff/wishes", chunyuan).expect(200).body().findValuesAsText("id")).contains(String.valueOf(id));
        // a team of another community is not an assignee here
        User other = user(api, WishFixtures.unique("scope-lead2"));
        long foreignTeam = api.post("/api/staff/volunteer/teams", Map.of("communityId", 4, "name", WishFixtures.unique("园林队"),
                "category", "CIVILISATION", "leaderUserId", other.id(), "leaderName", "王"), admin).expect(201).body().path("id").asLong();
        assertError(api.post("/api/staff/wishes/" + id + "/dispatch", Map.of("kind", "TEAM", "assigneeId", foreignTeam), chunyuan),
                422, "WISH_ASSIGNEE_NOT_FOUND");
        api.post("/api/staff/wishes/" + id + "/dispatch", Map.of("kind", "TEAM", "assigneeId", team), chunyuan).expect(200);
    }
}
