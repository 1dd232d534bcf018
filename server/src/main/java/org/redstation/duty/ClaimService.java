package org.redstation.duty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.redstation.common.BizException;
import org.redstation.common.BusinessMetrics;
import org.redstation.common.Coalescer;
import org.redstation.common.ErrorCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Members claim and release shifts. Lock order, always the same so nothing waits in a cycle:
 * <ol>
 *   <li>the shift's line on this instance (in memory; one request runs a batch, {@link ClaimBatch});</li>
 *   <li>Redis lock of the shift ({@link DutyLocks#withShift}), once per batch — it only keeps contention off the database;</li>
 *   <li>one database transaction: the member's {@code party_member} row FOR UPDATE (serialises the member's
 *       claims whatever Redis did; a shared transaction locks its members in id order), the overlap read, the seat taken by a conditional UPDATE
 *       ({@code taken < seats}, CHECK taken &lt;= seats behind it), and the claim inserted under the unique key
 *       (active_shift, member_id).</li>
 * </ol>
 * The transaction alone keeps every rule: with the locks gone the outcome is the same, only slower.
 */
@Service
class ClaimService {
    private final PartyMemberMapper members;
    private final DutyShiftMapper shifts;
    private final DutyClaimMapper claims;
    private final MemberService memberService;
    private final ShiftService shiftService;
    private final DutyLocks locks;
    private final FullShiftHints hints;
    private final TransactionTemplate tx;
    private final DutyProperties props;
    private final Clock clock;
    /**
     * Per shift and instance, claims and releases wait in one line in memory; one of them at a time takes the shift's
     * Redis lock ONCE and runs a batch of them ({@link ClaimBatch}): a hot shift pays the lock per batch, not per claim.
     */
    private final Coalescer<ClaimBatch.Op, DutyClaim> lines;
    /** At most this many claims under one lock hold (well inside the lock's lease). */
    static final int BATCH_MAX = 32;
    /** Station names for claim answers (display only), read once a minute per station. */
    private final Cache<Long, String> stationNames = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(60))
            .maximumSize(20_000).build();
    /**
     * Community of each approved member seen lately: only lets a trusted full-shift hint refuse without the member
     * read. Stale, it can only change which refusal a member gets (full instead of not approved), never refuse a seat.
     */
    private final Cache<Long, Long> approvedIn = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30))
            .maximumSize(50_000).build();

    ClaimService(PartyMemberMapper members, DutyShiftMapper shifts, DutyClaimMapper claims, MemberService memberService,
                 ShiftService shiftService, DutyLocks locks, FullShiftHints hints, TransactionTemplate tx,
                 DutyProperties props, Clock clock, ClaimBatch batch, BusinessMetrics metrics) {
        this.hints = hints;
        // the shift's line: one waiting request runs the others' claims and releases with its own under one lock hold
        this.lines = new Coalescer<>(BATCH_MAX, 10_000, props.lockWait(), ops -> {
            metrics.lineBatch("duty", ops.size());
            return locks.withShift(ops.get(0).s().getId(), () -> batch.run(ops));
        }, () -> new BizException(DutyError.DUTY_BUSY));
        this.members = members;
        this.shifts = shifts;
        this.claims = claims;
        this.memberService = memberService;
        this.shiftService = shiftService;
        this.locks = locks;
        this.tx = tx;
        this.props = props;
        this.clock = clock;
    }

    /** Claims and releases in a shift's line or its running batch on this instance (tests). */
    long inLines() {
        return lines.inFlight();
    }

    record ClaimView(long claimId, long shiftId, long stationId, String stationName, String date, String start,
                     String end, String roleName, String status, String statusName, boolean checkedIn,
                     boolean checkedOut, boolean autoClosed, int minutes, boolean releasable, String verify,
                     String verifyName) {
    }

    PartyMember approvedMember(long userId) {
        PartyMember m = memberService.memberOf(userId, null);
        if (!m.mayServe()) {
            throw new BizException(DutyError.DUTY_MEMBER_NOT_APPROVED);
        }
        approvedIn.put(userId, m.getCommunityId());
        return m;
    }

    /** Claims a seat and returns the claim as the member sees it. */
    ClaimView claim(long userId, long shiftId) {
        return claim(userId, shiftId, null);
    }

    /** The Redis keys a claim reads first (the shift's full hint), for the controller to read with the session. */
    List<String> readFirst(long shiftId) {
        return hints.keys(shiftId);
    }

    /** read: the values of {@link #readFirst}'s keys read with the session (null = not read: read them here). */
    ClaimView claim(long userId, long shiftId, Map<String, String> read) {
        // a full shift, known to Redis: refused with no database read and no lock (FullShiftHints says why it is safe)
        LocalDateTime at = LocalDateTime.now(clock);
        FullShiftHints.Seen seen = read == null ? hints.check(shiftId, at) : hints.seen(read, shiftId, at);
        if (seen.fullIn() != null && seen.fullIn().equals(approvedIn.getIfPresent(userId))) {
            throw new BizException(DutyError.SHIFT_FULL);
        }
        PartyMember m = approvedMember(userId);
        DutyShift s = shiftService.shift(shiftId);
        if (!s.getCommunityId().equals(m.getCommunityId())) {
            throw new BizException(DutyError.SHIFT_OTHER_COMMUNITY);
        }
        // full, cancelled or started: refused from the committed row just read, before any lock (the read is the hint,
        // and it cannot be stale towards a refusal: a seat released before it is seen by it)
        LocalDateTime now = LocalDateTime.now(clock);
        if (s.claimRefusal(now) == DutyError.SHIFT_FULL) {
            hints.full(s, seen);
        }
        refuseIfUnclaimable(s, now);
        DutyClaim c = lines.submit(shiftId, new ClaimBatch.Op(m, s, null));
        c.setRoleName(s.getRoleName()); // the answer from the row just written: no read back
        return view(c, stationNames.get(c.getStationId(), shiftService::stationName), LocalDateTime.now(clock));
    }

    private static void refuseIfUnclaimable(DutyShift s, LocalDateTime now) {
        ClaimBatch.refuseIfUnclaimable(s, now);
    }

    /** Gives the seat back before the cut-off; same lock order as {@link #claim}. */
    void release(long userId, long shiftId) {
        PartyMember m = approvedMember(userId);
        DutyShift s = shiftService.shift(shiftId);
        DutyClaim active = claims.findActive(shiftId, m.getId());
        if (active == null) {
            throw new BizException(DutyError.CLAIM_NOT_FOUND);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        ErrorCode refusal = active.releaseRefusal(now, props.releaseCutoff());
        if (refusal == DutyError.RELEASE_TOO_LATE) {
            throw new BizException(refusal, "离开始时间不足" + human(props.releaseCutoff()) + "，不能再取消认领，如有急事请联系社区");
        }
        if (refusal != null) {
            throw new BizException(refusal);
        }
        lines.submit(shiftId, new ClaimBatch.Op(m, s, active));
    }

    static String human(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + "小时" : d.toMinutes() + "分钟";
    }

    /** The member's shifts from today on (and today's finished ones), soonest first: three statements. */
    List<ClaimView> myShifts(long userId) {
        PartyMember m = memberService.memberOf(userId, null);
        LocalDateTime now = LocalDateTime.now(clock);
        List<DutyClaim> rows = claims.upcomingOfMember(m.getId(), now.toLocalDate().atStartOfDay());
        Map<Long, String> names = shiftService.stationNames(rows.stream().map(DutyClaim::getStationId).toList());
        return rows.stream().map(c -> view(c, names.getOrDefault(c.getStationId(), ""), now)).toList();
    }

    ClaimView view(DutyClaim c, String stationName, LocalDateTime now) {
        return new ClaimView(c.getId(), c.getShiftId(), c.getStationId(), stationName, c.getStartAt().toLocalDate().toString(),
                c.getStartAt().format(ShiftService.HM), c.getEndAt().format(ShiftService.HM), c.getRoleName(),
                c.getStatus().name(), c.statusName(), c.getCheckinAt() != null, c.getCheckoutAt() != null, c.isAutoClosed(),
                c.getMinutes(), c.releasableAt(now, props.releaseCutoff()),
                c.getCheckinVerify() == null ? null : c.getCheckinVerify().name(),
                c.getCheckinAt() == null ? null : CheckInVerify.labelOf(c.getCheckinVerify()));
    }
}
