package org.redstation.chat;

import java.security.SecureRandom;
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
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
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
    private final StaffBindingMapper rows;
    private final RedissonClient redisson;
    private final RedisKeys keys;
    private final ChatProperties props;
    private final Clock clock;

    /** A bound staff member; {@code communityId} null = district administrator. */
    record BoundStaff(long staffId, String openid, String displayName, Long communityId) {
        static BoundStaff of(StaffBindingRow r) {
            return new BoundStaff(r.getStaffId(), r.getOpenid(), r.getDisplayName(), r.getCommunityId());
        }

    }

    record BindingCode(String code, long expiresIn) {
    }

    private final org.redstation.auth.StaffService staffAccounts;

    StaffBindings(StaffBindingMapper rows, RedissonClient redisson, RedisKeys keys, ChatProperties props, Clock clock,
                  org.redstation.auth.StaffService staffAccounts) {
        this.staffAccounts = staffAccounts;
        this.rows = rows;
        this.redisson = redisson;
        this.keys = keys;
        this.props = props;
        this.clock = clock;
    }

    /** The bound account as it is now; a disabled or deleted account loses its binding here and now. */
    java.util.Optional<CurrentStaff> live(BoundStaff b) {
        java.util.Optional<CurrentStaff> live = staffAccounts.live(b.staffId());
        if (live.isEmpty()) {
            rows.delete(new com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper<StaffBindingRow>()
                    .eq(StaffBindingRow::getStaffId, b.staffId()));
        }
        return live;
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
        rows.deleteEither(staffId, openid);
        StaffBindingRow row = new StaffBindingRow();
        row.setStaffId(staffId);
        row.setOpenid(openid);
        row.setDisplayName(p[2]);
        row.setCommunityId(community);
        row.setBoundAt(LocalDateTime.now(clock));
        rows.insert(row);
        failures.delete();
        return Optional.of(new BoundStaff(staffId, openid, p[2], community));
    }

    boolean unbind(String openid) {
        return rows.delete(new LambdaQueryWrapper<StaffBindingRow>().eq(StaffBindingRow::getOpenid, openid)) > 0;
    }

    Optional<BoundStaff> byOpenid(String openid) {
        return Optional.ofNullable(rows.selectOne(new LambdaQueryWrapper<StaffBindingRow>().eq(StaffBindingRow::getOpenid, openid)))
                .map(BoundStaff::of);
    }

    Optional<BoundStaff> byStaffId(long staffId) {
        return Optional.ofNullable(rows.selectById(staffId)).map(BoundStaff::of);
    }

    /** Who gets a resident's message: the community's bound staff, or the bound district administrators when none. */
    /** Bound staff of the district (no community): "the street" when a conversation is escalated. */
    List<BoundStaff> districtStaff() {
        return rows.selectList(new LambdaQueryWrapper<StaffBindingRow>().isNull(StaffBindingRow::getCommunityId)
                .orderByAsc(StaffBindingRow::getStaffId)).stream().map(BoundStaff::of).toList();
    }

    /** Bound staff of exactly this community (no fallback). */
    List<BoundStaff> communityStaff(long communityId) {
        return rows.selectList(new LambdaQueryWrapper<StaffBindingRow>().eq(StaffBindingRow::getCommunityId, communityId)
                .orderByAsc(StaffBindingRow::getStaffId)).stream().map(BoundStaff::of).toList();
    }

    List<BoundStaff> recipients(long communityId) {
        List<StaffBindingRow> staff = rows.selectList(new LambdaQueryWrapper<StaffBindingRow>()
                .eq(StaffBindingRow::getCommunityId, communityId).orderByAsc(StaffBindingRow::getStaffId));
        if (staff.isEmpty()) {
            staff = rows.selectList(new LambdaQueryWrapper<StaffBindingRow>()
                    .isNull(StaffBindingRow::getCommunityId).orderByAsc(StaffBindingRow::getStaffId));
        }
        return staff.stream().map(BoundStaff::of).toList();
    }
}
