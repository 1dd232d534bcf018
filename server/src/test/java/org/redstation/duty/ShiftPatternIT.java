package org.redstation.duty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Weekly shift patterns edited by staff: a new pattern materialises its shifts four weeks ahead; an edit moves and
 * reshapes the future UNCLAIMED shifts and never touches a claimed one; a shift with a released claim is cancelled
 * instead of deleted; disable removes the unclaimed future and keeps the claimed; the hourly extension leaves a
 * pattern applied today alone and refills the next day.
 */
class ShiftPatternIT extends DutyTestSupport {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    PatternService patterns;

    @Test
    void editingAPatternMovesItsUnclaimedShiftsAndKeepsTheClaimedOnes() {
        String admin = api.adminLogin();
        String role = "规律班" + System.nanoTime() % 1_000_000_000L;
        Map<String, Object> body = new HashMap<>(Map.of("stationId", CY01, "weekdays", List.of(1, 2, 3, 4, 5, 6, 7),
                "start", "06:30", "end", "07:30", "seats", 2, "roleName", role));
        JsonNode saved = api.post("/api/staff/duty/patterns", body, admin).expect(201).body();
        long id = saved.path("pattern").path("id").asLong();
        int created = saved.path("applied").path("created").asInt();
        assertThat(created).as("every day of the next four weeks").isBetween(28, 29);
        assertThat(saved.path("pattern").path("weekdayNames").asText()).startsWith("周一、周二");
        assertThat(futureOf(id)).isEqualTo(created);

        // a member claims one shift; another member claims and releases another (history: cancelled, not deleted)
        List<Long> ids = jdbc.queryForList("SELECT id FROM duty_shift WHERE pattern_id = ? ORDER BY start_at", Long.class, id);
        long claimed = ids.get(3);
        long released = ids.get(5);
        Member a = registered(api, admin, true);
        Member b = registered(api, admin, true);
        api.post("/api/duty/shifts/" + claimed + "/claim", null, a.token()).expect(200);
        api.post("/api/duty/shifts/" + released + "/claim", null, b.token()).expect(200);
        api.post("/api/duty/shifts/" + released + "/release", null, b.token()).expect(200);
        JsonNode listed = api.get("/api/staff/duty/shifts?stationId=" + CY01, admin).expect(200).body();
        assertThat(listed.toString()).contains("\"patternId\":" + id);

        // only seats change: unclaimed shifts are reshaped in place, the claimed one keeps its 2 seats
        body.put("seats", 4);
        JsonNode reshaped = api.put("/api/staff/duty/patterns/" + id, body, admin).expect(200).body().path("applied");
        assertThat(reshaped.path("updated").asInt()).isEqualTo(created - 1);
        assertThat(reshaped.path("kept").asInt()).isEqualTo(1);
        assertThat(seats(claimed)).isEqualTo(2);
        assertThat(seats(ids.get(4))).isEqualTo(4);

        // a new time and weekdays: unclaimed shifts move, the claimed one stays where it was with its claim
        body.put("start", "07:00");
        body.put("end", "08:00");
        body.put("weekdays", List.of(2, 4));
        JsonNode moved = api.put("/api/staff/duty/patterns/" + id, body, admin).expect(200).body();
        assertThat(moved.path("applied").path("removed").asInt()).isEqualTo(created - 1);
        assertThat(moved.path("applied").path("kept").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT TIME_FORMAT(start_at, '%H:%i') FROM duty_shift WHERE id = ?", String.class, claimed))
                .isEqualTo("06:30");
        assertThat(activeClaims(claimed)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status FROM duty_shift WHERE id = ?", String.class, released)).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM duty_shift WHERE id = ?", Integer.class, ids.get(4))).isZero();
        List<Integer> days = jdbc.queryForList("SELECT DISTINCT DAYOFWEEK(start_at) FROM duty_shift WHERE pattern_id = ? "
                + "AND start_at > ? AND status = 'OPEN' AND TIME_FORMAT(start_at, '%H:%i') = '07:00'", Integer.class, id,
                LocalDateTime.now(ZONE));
        assertThat(days).containsExactlyInAnyOrder(3, 5); // MySQL: 1 = Sunday, so Tuesday = 3, Thursday = 5
        int twice = moved.path("applied").path("created").asInt();
        assertThat(twice).isBetween(7, 9);

        // the hourly extension leaves a pattern applied today alone; the next day's run refills a missing shift
        // and creates nothing else ("the next day": the pattern's row as yesterday's run left it)
        long one = jdbc.queryForObject("SELECT MAX(id) FROM duty_shift WHERE pattern_id = ? AND taken = 0", Long.class, id);
        jdbc.update("DELETE FROM duty_shift WHERE id = ?", one);
        assertThat(jdbc.queryForObject("SELECT extend_due FROM duty_pattern WHERE id = ?", LocalDate.class, id))
                .isEqualTo(LocalDate.now(ZONE).plusDays(1));
        patterns.extendAll();
        assertThat(futureOf(id)).as("not due within the day").isEqualTo(twice);
        jdbc.update("UPDATE duty_pattern SET extend_due = ? WHERE id = ?", LocalDate.now(ZONE), id);
        patterns.extendAll();
        assertThat(futureOf(id)).isEqualTo(twice + 1);
        patterns.extendAll();
        assertThat(futureOf(id)).isEqualTo(twice + 1);

        // disabled: the future unclaimed shifts go, the claimed one stays; enabled: they come back
        JsonNode off = api.post("/api/staff/duty/patterns/" + id + "/disable", null, admin).expect(200).body();
        assertThat(off.path("pattern").path("active").asBoolean()).isFalse();
        assertThat(off.path("pattern").path("upcoming").asInt()).isEqualTo(1);
        assertThat(off.path("pattern").path("upcomingClaimed").asInt()).isEqualTo(1);
        assertThat(activeClaims(claimed)).isEqualTo(1);
        patterns.extendAll();
        assertThat(futureOf(id)).isEqualTo(1);
        assertThat(api.post("/api/staff/duty/patterns/" + id + "/enable", null, admin).expect(200).body()
                .path("applied").path("created").asInt()).isEqualTo(twice);
    }

    @Test
    void aPatternIsValidatedAndStaysInItsCommunity() {
        String admin = api.adminLogin();
        Map<String, Object> body = new HashMap<>(Map.of("stationId", CY01, "weekdays", List.of(1), "start", "08:00", "end", "21:00",
                "seats", 2, "roleName", "校验" + System.nanoTime() % 1_000_000_000L));
        assertThat(api.post("/api/staff/duty/patterns", body, admin).expect(400).code()).isEqualTo("SHIFT_TIME_INVALID");
        body.put("end", "09:00");
        body.put("weekdays", List.of(8));
        api.post("/api/staff/duty/patterns", body, admin).expect(400);
        body.put("weekdays", List.of(1));
        long id = api.post("/api/staff/duty/patterns", body, admin).expect(201).body().path("pattern").path("id").asLong();
        body.put("stationId", 1);
        assertThat(api.put("/api/staff/duty/patterns/" + id, body, admin).expect(400).body().path("field").asText()).isEqualTo("stationId");
        api.put("/api/staff/duty/patterns/999999", body, admin).expect(404);

        String username = "pat" + System.nanoTime() % 1_000_000_000_000L;
        api.post("/api/staff/accounts", Map.of("username", username, "password", "Staff-pass-1", "displayName", "测试",
                "role", "COMMUNITY_STAFF", "communityId", 2), admin).expect(201);
        String other = api.staffLogin(username, "Staff-pass-1");
        body.put("stationId", CY01);
        api.put("/api/staff/duty/patterns/" + id, body, other).expect(403);
        api.post("/api/staff/duty/patterns/" + id + "/disable", null, other).expect(403);
        api.get("/api/staff/duty/patterns?communityId=" + CHUNYUAN, other).expect(403);
        assertThat(api.get("/api/staff/duty/patterns", other).expect(200).body().toString()).doesNotContain("\"id\":" + id + ",");
        assertThat(api.get("/api/staff/duty/patterns?communityId=" + CHUNYUAN, admin).expect(200).body().toString())
                .contains("\"id\":" + id + ",");
    }

    private int futureOf(long patternId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM duty_shift WHERE pattern_id = ? AND status = 'OPEN' AND start_at > ?",
                Integer.class, patternId, LocalDateTime.now(ZONE));
    }

    private int seats(long shiftId) {
        return jdbc.queryForObject("SELECT seats FROM duty_shift WHERE id = ?", Integer.class, shiftId);
    }
}
