package org.redstation.chat;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redstation.auth.CurrentStaff;
import org.redstation.auth.StaffAccountDisabled;
import org.redstation.auth.StaffService;
import org.redstation.common.BizException;
import org.redstation.common.RateLimits;
import org.redstation.common.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * WeChat users bound to staff accounts. A staff member asks the staff API for a one-time 6-digit code (kept in
 * Redis for {@code redstation.chat.binding-code-ttl}, 10 minutes) and sends "绑定 123456" to the account.
 * Guessing is bounded three ways: tries per WeChat user ({@code binding-sender}), tries in total per minute
 * ({@code binding-total}: fake openids cost nothing), and tries per code value ({@code binding-tries-per-code},
 * after which that code is burnt). An existing binding is replaced only when a code succeeds. Every use checks
 * the live account ({@link StaffService#live}): disabled accounts lose their binding, forwards follow the
 * account's current role and community.
 */
@Service
class StaffBindings {
    private static final Logger log = LoggerFactory.getLogger(StaffBindings.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final StaffBindingMapper rows;
    private final RedissonClient redisson;
    private final RedisKeys keys;
    private final ChatProperties props;
    private final Clock clock;
    private final StaffService staffAccounts;
    private final RateLimits limits;

    /** A bound staff member; {@code communityId} null = an administrator (street or district). */
    record BoundStaff(long staffId, String openid, String displayName, Long communityId) {
        static BoundStaff of(StaffBindingRow r) {
            return new BoundStaff(r.getStaffId(), r.getOpenid(), r.getDisplayName(), r.getCommunityId());
        }
    }

    record BindingCode(String code, long expiresIn) {
    }

    /** The answer to "绑定 123456": the new binding, or why not. */
    record BindOutcome(BoundStaff bound, boolean tooMany) {
        static final BindOutcome INVALID = new BindOutcome(null, false);
        static final BindOutcome TOO_MANY = new BindOutcome(null, true);
    }

    StaffBindings(StaffBindingMapper rows, RedissonClient redisson, RedisKeys keys, ChatProperties props, Clock clock,
                  StaffService staffAccounts, RateLimits limits) {
        this.rows = rows;
        this.redisson = redisson;
        this.keys = keys;
        this.props = props;
        this.clock = clock;
        this.staffAccounts = staffAccounts;
        this.limits = limits;
    }

    /** The bound account as it is now; a disabled or deleted account loses its binding here and now. */
    Optional<CurrentStaff> live(BoundStaff b) {
        Optional<CurrentStaff> live = staffAccounts.live(b.staffId());
        if (live.isEmpty()) {
            rows.deleteById(b.staffId());
        }
        return live;
    }

    /** auth disabled an account: its WeChat binding ends at once (forwards and commands check the live account too). */
    @EventListener
    void on(StaffAccountDisabled e) {
        if (rows.deleteById(e.staffId()) > 0) {
            log.info("staff account {} disabled: WeChat binding removed", e.staffId());
        }
    }

    BindingCode createCode(CurrentStaff staff) {
        String value = staff.id() + "|" + staff.displayName();
        for (int i = 0; i < 20; i++) {
            String code = String.format("%06d", RANDOM.nextInt(1_000_000));
            RBucket<String> b = redisson.getBucket(codeKey(code), StringCodec.INSTANCE);
            if (b.setIfAbsent(value, props.bindingCodeTtl())) {
                redisson.getAtomicLong(triesKey(code)).delete(); // a fresh code starts with its full tries
                return new BindingCode(code, props.bindingCodeTtl().toSeconds());
            }
        }
        throw new IllegalStateException("no free binding code");
    }

    /**
     * Binds the WeChat user to the live staff account of the code. Only a code that succeeds removes the
     * account's or the WeChat user's previous binding (in the same transaction as the new one).
     */
    @Transactional
    public BindOutcome bind(String openid, String code) {
        if (!limits.tryTake("binding-sender", openid) || !limits.tryTake("binding-total", "all")) {
            return BindOutcome.TOO_MANY;
        }
        RAtomicLong tries = redisson.getAtomicLong(triesKey(code));
        long n = tries.incrementAndGet();
        if (n == 1) {
            tries.expire(props.bindingCodeTtl());
        }
        RBucket<String> stored = redisson.getBucket(codeKey(code), StringCodec.INSTANCE);
        if (n > props.bindingTriesPerCode()) {
            stored.delete(); // tried too often: whoever asked for it gets a new one
            return BindOutcome.INVALID;
        }
        String value = stored.getAndDelete();
        if (value == null) {
            return BindOutcome.INVALID;
        }
        long staffId = Long.parseLong(value.substring(0, value.indexOf('|')));
        Optional<CurrentStaff> live = staffAccounts.live(staffId);
        if (live.isEmpty()) {
            return BindOutcome.INVALID; // disabled after asking for the code
        }
        CurrentStaff s = live.get();
        rows.deleteEither(staffId, openid);
        StaffBindingRow row = new StaffBindingRow();
        row.setStaffId(staffId);
        row.setOpenid(openid);
        row.setDisplayName(s.displayName());
        row.setCommunityId(s.communityId());
        row.setBoundAt(LocalDateTime.now(clock));
        rows.insert(row);
        return new BindOutcome(BoundStaff.of(row), false);
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

    /**
     * Who gets a message of {@code communityId}: the one who took the conversation ({@code assignedStaffId}) if
     * still live and in scope; else the live community staff of that community; else the live administrators
     * who see it (its street's, the district's). Bindings of disabled accounts are removed on the way.
     */
    List<BoundStaff> recipients(long communityId, Long assignedStaffId) {
        List<StaffBindingRow> all = rows.selectList(new LambdaQueryWrapper<StaffBindingRow>().orderByAsc(StaffBindingRow::getStaffId));
        Map<Long, CurrentStaff> live = staffAccounts.liveAll(all.stream().map(StaffBindingRow::getStaffId).toList());
        List<Long> gone = all.stream().map(StaffBindingRow::getStaffId).filter(id -> !live.containsKey(id)).toList();
        if (!gone.isEmpty()) {
            rows.deleteByIds(gone);
        }
        List<StaffBindingRow> seeing = all.stream().filter(r -> live.containsKey(r.getStaffId())
                && live.get(r.getStaffId()).canSee(communityId)).toList();
        if (assignedStaffId != null) {
            List<StaffBindingRow> assigned = seeing.stream().filter(r -> r.getStaffId().equals(assignedStaffId)).toList();
            if (!assigned.isEmpty()) {
                return assigned.stream().map(BoundStaff::of).toList();
            }
        }
        List<StaffBindingRow> community = seeing.stream().filter(r -> !live.get(r.getStaffId()).isAdmin()).toList();
        return (community.isEmpty() ? seeing : community).stream().map(BoundStaff::of).toList();
    }

    /** Live bound staff of the district (no community): "the street" when a conversation is escalated. */
    List<BoundStaff> districtStaff() {
        return liveOnly(rows.selectList(new LambdaQueryWrapper<StaffBindingRow>().isNull(StaffBindingRow::getCommunityId)
                .orderByAsc(StaffBindingRow::getStaffId)));
    }

    /** Live bound staff of exactly this community (no fallback). */
    List<BoundStaff> communityStaff(long communityId) {
        return liveOnly(rows.selectList(new LambdaQueryWrapper<StaffBindingRow>().eq(StaffBindingRow::getCommunityId, communityId)
                .orderByAsc(StaffBindingRow::getStaffId)));
    }

    private List<BoundStaff> liveOnly(List<StaffBindingRow> bound) {
        Map<Long, CurrentStaff> live = staffAccounts.liveAll(bound.stream().map(StaffBindingRow::getStaffId).toList());
        return bound.stream().filter(r -> live.containsKey(r.getStaffId())).map(BoundStaff::of).toList();
    }

    // ---- administrators: list and revoke ----

    /** Bindings an administrator may see: every one for the district, those of its communities' staff for a street. */
    List<StaffBindingRow> list(CurrentStaff admin) {
        admin.requireAdmin();
        LambdaQueryWrapper<StaffBindingRow> q = new LambdaQueryWrapper<>();
        Optional<List<Long>> scope = admin.scope();
        if (scope.isPresent()) {
            if (scope.get().isEmpty()) {
                return List.of();
            }
            q.in(StaffBindingRow::getCommunityId, scope.get());
        }
        return rows.selectList(q.orderByAsc(StaffBindingRow::getCommunityId).orderByAsc(StaffBindingRow::getStaffId));
    }

    /** Ends a staff account's binding: administrators who see its community; administrators' bindings by the district. */
    void revoke(CurrentStaff admin, long staffId) {
        admin.requireAdmin();
        StaffBindingRow r = rows.selectById(staffId);
        if (r == null) {
            throw new BizException(ChatError.BINDING_NOT_FOUND);
        }
        if (r.getCommunityId() == null) {
            admin.requireDistrictAdmin();
        } else {
            admin.requireCommunity(r.getCommunityId());
        }
        rows.deleteById(staffId);
        log.info("WeChat binding of staff account {} revoked by {}", staffId, admin.id());
    }

    private String codeKey(String code) {
        return keys.key("chat", "bind", code);
    }

    private String triesKey(String code) {
        return keys.key("chat", "bind-tries", code);
    }
}
