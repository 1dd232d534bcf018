package org.redstation.duty;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.redstation.support.Api;
import org.redstation.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Helpers for duty tests: members registered and approved through the API, shifts published by the admin. */
abstract class DutyTestSupport extends IntegrationTest {
    static final long CHUNYUAN = 3;
    static final long CY01 = 3;
    static final long ORG_RAILWAY_SCHOOL = 3;
    static final double CY01_LAT = 32.0781200;
    static final double CY01_LNG = 112.1432100;
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    protected JdbcTemplate jdbc;

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() + "-" + SEQ.incrementAndGet();
    }

    record Member(String code, String token, long userId, long memberId) {
    }

    Member registered(Api a, String admin, boolean approve) {
        String code = unique("member");
        String token = a.login(code);
        JsonNode r = a.post("/api/member/registration", Map.of("communityId", CHUNYUAN, "orgId", ORG_RAILWAY_SCHOOL,
                "name", "张三丰", "phoneCode", "phone-13812345678", "workplace", "襄阳铁路中学"), token).expect(200).body();
        long memberId = r.path("id").asLong();
        if (approve) {
            a.post("/api/staff/members/" + memberId + "/approve", null, admin).expect(200);
        }
        long userId = a.get("/api/me", token).expect(200).body().path("id").asLong();
        return new Member(code, token, userId, memberId);
    }

    long shift(Api a, String admin, LocalDateTime start, int minutes, int seats) {
        return shift(a, admin, CY01, start, minutes, seats, "班次" + SEQ.incrementAndGet());
    }

    long shift(Api a, String admin, long stationId, LocalDateTime start, int minutes, int seats, String role) {
        LocalDateTime s = start.withSecond(0).withNano(0);
        LocalDateTime e = s.plusMinutes(minutes);
        Map<String, Object> req = new HashMap<>(Map.of("stationId", stationId, "date", s.toLocalDate().toString(),
                "start", s.toLocalTime().toString(), "end", e.toLocalTime().toString(), "seats", seats, "roleName", role));
        return a.post("/api/staff/duty/shifts", req, admin).expect(201).body().path("id").asLong();
    }

    /** Moves a shift (and its claims) in time, to simulate the clock moving on. */
    void moveShift(long shiftId, LocalDateTime start, LocalDateTime end) {
        jdbc.update("UPDATE duty_shift SET start_at = ?, end_at = ? WHERE id = ?", start, end, shiftId);
        jdbc.update("UPDATE duty_claim SET start_at = ?, end_at = ? WHERE shift_id = ?", start, end, shiftId);
    }

    int taken(long shiftId) {
        return jdbc.queryForObject("SELECT taken FROM duty_shift WHERE id = ?", Integer.class, shiftId);
    }

    int activeClaims(long shiftId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM duty_claim WHERE shift_id = ? AND status = 'ACTIVE'", Integer.class, shiftId);
    }
}
