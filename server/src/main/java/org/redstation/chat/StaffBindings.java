package org.redstation.chat;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.RedisKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * WeChat users bound to staff accounts. A staff member asks the staff API for a one-time 6-digit code
 * (kept in Redis for {@code redstation.chat.binding-code-ttl}) and sends "绑定 123456" to the account.
 * Five wrong codes from one WeChat user block binding for 10 minutes.
 */
@Service
class StaffBindings {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_FAILURES = 5;
    private static final RowMapper<BoundStaff> ROW = (rs, i) -> new BoundStaff(rs.getLong("staff_id"), rs.getString("openid"),
            rs.getString("display_name"), rs.getObject("community_id", Long.class));
    private final JdbcTemplate jdbc;
    private final RedissonClient redisson;
    private final RedisKeys keys;
    private final ChatProperties props;
    private final Clock clock;

    /** A bound staff member; {@code communityId} null = district administrator. */
    record BoundStaff(long staffId, String openid, String displayName, Long communityId) {
        boolean canSee(long community) {
            return communityId == null || communityId == community;
        }
    }

    record BindingCode(String code, long expiresIn) {
    }

    StaffBindings(JdbcTemplate jdbc, RedissonClient redisson, RedisKeys keys, ChatProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.redisson = redisson;
        this.keys = keys;
        this.props = props;
        this.clock = clock;
    }

    BindingCode createCode(CurrentStaff staff) {
        String value = staff.id() + "|" + (staff.communityId() == null ? "" : staff.communityId()) + "|" + staff.displayName();
        for (int i = 0; i < 20; i++) {
            String code = String.format("%06d", RANDOM.nextInt(1_000_000));
            RBucket<String> b = redisson.getBucket(keys.key("chat", "bind", code), StringCodec.INSTANCE);
            if (b.setIfAbsent(value, props.bindingCodeTtl())) {
                return new BindingCode(code, props.bindingCodeTtl().toSeconds());
            }
        }
        throw new IllegalStateException("no free binding code");
    }

    /** Binds the WeChat user to the staff account of the code; empty when the code is wrong, used or expired. */
    @Transactional
    public Optional<BoundStaff> bind(String openid, String code) {
        RAtomicLong failures = redisson.getAtomicLong(keys.key("chat", "bind-failures", openid));
        if (failures.get() >= MAX_FAILURES) {
            return Optional.empty();
        }
        String value = redisson.<String>getBucket(keys.key("chat", "bind", code), StringCodec.INSTANCE).getAndDelete();
        if (value == null) {
            failures.incrementAndGet();
            failures.expire(Duration.ofMinutes(10));
            return Optional.empty();
        }
        String[] p = value.split("\\|", 3);
        long staffId = Long.parseLong(p[0]);
        Long community = p[1].isEmpty() ? null : Long.valueOf(p[1]);
        jdbc.update("DELETE FROM chat_staff_binding WHERE staff_id = ? OR openid = ?", staffId, openid);
        jdbc.update("INSERT INTO chat_staff_binding (staff_id, openid, display_name, community_id, bound_at) VALUES (?, ?, ?, ?, ?)",
                staffId, openid, p[2], community, Timestamp.valueOf(LocalDateTime.now(clock)));
        failures.delete();
        return Optional.of(new BoundStaff(staffId, openid, p[2], community));
    }

    boolean unbind(String openid) {
        return jdbc.update("DELETE FROM chat_staff_binding WHERE openid = ?", openid) > 0;
    }

    Optional<BoundStaff> byOpenid(String openid) {
        return jdbc.query("SELECT * FROM chat_staff_binding WHERE openid = ?", ROW, openid).stream().findFirst();
    }

    Optional<BoundStaff> byStaffId(long staffId) {
        return jdbc.query("SELECT * FROM chat_staff_binding WHERE staff_id = ?", ROW, staffId).stream().findFirst();
    }

    /** Who gets a resident's message: the community's bound staff, or the bound district administrators when none. */
    List<BoundStaff> recipients(long communityId) {
        List<BoundStaff> staff = jdbc.query("SELECT * FROM chat_staff_binding WHERE community_id = ? ORDER BY staff_id", ROW, communityId);
        if (!staff.isEmpty()) {
            return staff;
        }
        return jdbc.query("SELECT * FROM chat_staff_binding WHERE community_id IS NULL ORDER BY staff_id", ROW);
    }
}
