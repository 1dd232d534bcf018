package org.redstation.duty;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Hand-written SQL of the duty tables (rows as records). */
@Component // not @Repository: no proxy, so the jdbc field is reachable
class DutyRepo {
    record Member(long id, long userId, long communityId, long orgId, String orgName, String name, String phone,
                  String workplace, String status, String rejectReason, LocalDateTime createdAt) {
        boolean approved() {
            return "APPROVED".equals(status);
        }
    }

    record Shift(long id, long stationId, long communityId, LocalDateTime startAt, LocalDateTime endAt, String roleName,
                 int seats, int taken, Long orgId, String orgName, String status) {
        boolean open() {
            return "OPEN".equals(status);
        }
    }

    record Claim(long id, long shiftId, long memberId, long userId, long stationId, LocalDateTime startAt,
                 LocalDateTime endAt, String status, LocalDateTime checkinAt, LocalDateTime checkoutAt, int minutes,
                 boolean autoClosed, String roleName) {
    }

    static final String MEMBER_SELECT = "SELECT m.*, o.name AS org_name FROM party_member m JOIN duty_org o ON o.id = m.org_id ";
    static final RowMapper<Member> MEMBER = (rs, i) -> new Member(rs.getLong("id"), rs.getLong("user_id"),
            rs.getLong("community_id"), rs.getLong("org_id"), rs.getString("org_name"), rs.getString("name"),
            rs.getString("phone"), rs.getString("workplace"), rs.getString("status"), rs.getString("reject_reason"),
            rs.getObject("created_at", LocalDateTime.class));
    static final String SHIFT_SELECT = "SELECT s.*, o.name AS org_name FROM duty_shift s LEFT JOIN duty_org o ON o.id = s.org_id ";
    static final RowMapper<Shift> SHIFT = (rs, i) -> new Shift(rs.getLong("id"), rs.getLong("station_id"),
            rs.getLong("community_id"), rs.getObject("start_at", LocalDateTime.class),
            rs.getObject("end_at", LocalDateTime.class), rs.getString("role_name"), rs.getInt("seats"),
            rs.getInt("taken"), (Long) rs.getObject("org_id", Long.class), rs.getString("org_name"), rs.getString("status"));
    static final String CLAIM_SELECT = "SELECT c.*, s.role_name FROM duty_claim c JOIN duty_shift s ON s.id = c.shift_id ";
    static final RowMapper<Claim> CLAIM = (rs, i) -> new Claim(rs.getLong("id"), rs.getLong("shift_id"),
            rs.getLong("member_id"), rs.getLong("user_id"), rs.getLong("station_id"),
            rs.getObject("start_at", LocalDateTime.class), rs.getObject("end_at", LocalDateTime.class),
            rs.getString("status"), rs.getObject("checkin_at", LocalDateTime.class),
            rs.getObject("checkout_at", LocalDateTime.class), rs.getInt("minutes"), rs.getBoolean("auto_closed"),
            rs.getString("role_name"));

    final JdbcTemplate jdbc;

    DutyRepo(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Member> memberByUser(long userId) {
        return jdbc.query(MEMBER_SELECT + "WHERE m.user_id = ?", MEMBER, userId).stream().findFirst();
    }

    Optional<Member> member(long id) {
        return jdbc.query(MEMBER_SELECT + "WHERE m.id = ?", MEMBER, id).stream().findFirst();
    }

    Optional<Shift> shift(long id) {
        return jdbc.query(SHIFT_SELECT + "WHERE s.id = ?", SHIFT, id).stream().findFirst();
    }

    List<Claim> claims(String where, Object... args) {
        return jdbc.query(CLAIM_SELECT + where, CLAIM, args);
    }

    boolean orgInCommunity(long orgId, long communityId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM duty_org WHERE id = ? AND community_id = ?", Integer.class,
                orgId, communityId);
        return n != null && n > 0;
    }

    int memberMinutes(long memberId) {
        Integer n = jdbc.queryForObject("SELECT COALESCE(SUM(minutes), 0) FROM duty_claim WHERE member_id = ?",
                Integer.class, memberId);
        return n == null ? 0 : n;
    }
}
