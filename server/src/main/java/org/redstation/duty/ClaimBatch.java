package org.redstation.duty;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redstation.common.BizException;
import org.redstation.common.Coalescer.Result;
import org.redstation.common.ErrorCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The claims and releases of one shift that met in its line ({@link ClaimService}), run under ONE hold of the shift's
 * Redis lock: consecutive claims (or releases) of different members share ONE transaction: their member rows locked
 * in id order, their clashes read at once, the seats moved by ONE conditional UPDATE, the claims written by ONE
 * multi-row INSERT (releases: one guarded UPDATE). Anything a shared transaction cannot settle exactly (fewer seats
 * than claims, a member not approved or clashing, a second claim, a claim no longer releasable) rolls it back and its
 * requests run one by one, each in its own transaction, as before: every rule stays the database's.
 */
@Component
class ClaimBatch {
    private final PartyMemberMapper members;
    private final DutyShiftMapper shifts;
    private final DutyClaimMapper claims;
    private final ShiftService shiftService;
    private final FullShiftHints hints;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final java.util.concurrent.atomic.AtomicLong shared = new java.util.concurrent.atomic.AtomicLong();

    ClaimBatch(PartyMemberMapper members, DutyShiftMapper shifts, DutyClaimMapper claims, ShiftService shiftService,
               FullShiftHints hints, TransactionTemplate tx, Clock clock) {
        this.members = members;
        this.shifts = shifts;
        this.claims = claims;
        this.shiftService = shiftService;
        this.hints = hints;
        this.tx = tx;
        this.clock = clock;
    }

    /** A claim (active == null) or a release (of {@code active}) of shift {@code s} by member {@code m}. */
    record Op(PartyMember m, DutyShift s, DutyClaim active) {
        boolean claim() {
            return active == null;
        }
    }

    /** Thrown inside a shared transaction to roll it back: its requests then run one by one. */
    private static final class NotAsOne extends RuntimeException {
        NotAsOne() {
            super(null, null, false, false);
        }
    }

    /** Runs the ops in arrival order; consecutive ops of one kind and different members share a transaction. */
    List<Result<DutyClaim>> run(List<Op> ops) {
        List<Result<DutyClaim>> out = new ArrayList<>(ops.size());
        int i = 0;
        while (i < ops.size()) {
            int j = i + 1;
            while (j < ops.size() && ops.get(j).claim() == ops.get(i).claim()) {
                j++;
            }
            out.addAll(group(ops.subList(i, j)));
            i = j;
        }
        return out;
    }

    private List<Result<DutyClaim>> group(List<Op> ops) {
        boolean distinct = ops.stream().map(o -> o.m().getId()).distinct().count() == ops.size();
        if (ops.size() > 1 && distinct) {
            try {
                List<DutyClaim> done = tx.execute(st -> ops.get(0).claim() ? claimAll(ops) : releaseAll(ops));
                shared.incrementAndGet();
                return done.stream().map(Result::of).toList();
            } catch (NotAsOne | DuplicateKeyException | PessimisticLockingFailureException e) {
                // rolled back: one by one below
            }
        }
        return ops.stream().map(o -> Result.of(() -> alone(o))).toList();
    }

    /** Transactions shared by several claims or releases so far (tests). */
    long sharedTransactions() {
        return shared.get();
    }

    private DutyClaim alone(Op o) {
        return o.claim() ? tx.execute(st -> claimInTx(o.m(), o.s())) : tx.execute(st -> releaseInTx(o.m(), o.active()));
    }

    private List<DutyClaim> claimAll(List<Op> ops) {
        LocalDateTime now = LocalDateTime.now(clock);
        DutyShift s = ops.get(0).s();
        List<Long> ids = ops.stream().map(o -> o.m().getId()).sorted().toList();
        if (members.lockAll(ids, true).size() != ids.size()) {
            throw new NotAsOne(); // someone is no longer approved: their own transaction says so
        }
        if (!claims.clashesOf(ids, s.getStartAt(), s.getEndAt()).isEmpty()) {
            throw new NotAsOne(); // already claimed or overlapping: said one by one
        }
        if (shifts.takeSeats(s.getId(), ops.size(), now) == 0) {
            throw new NotAsOne(); // fewer seats than claims (or cancelled, started): who gets one is decided one by one
        }
        List<DutyClaim> rows = ops.stream().map(o -> newClaim(o.m(), s, now)).toList();
        claims.insertAll(rows);
        Map<Long, Long> idOf = new HashMap<>();
        claims.idsOfActive(s.getId(), ids).forEach(c -> idOf.put(c.getMemberId(), c.getId()));
        rows.forEach(c -> c.setId(idOf.get(c.getMemberId())));
        return rows;
    }

    private List<DutyClaim> releaseAll(List<Op> ops) {
        LocalDateTime now = LocalDateTime.now(clock);
        long shiftId = ops.get(0).s().getId();
        members.lockAll(ops.stream().map(o -> o.m().getId()).sorted().toList(), false);
        Set<Long> claimIds = new HashSet<>();
        ops.forEach(o -> claimIds.add(o.active().getId()));
        if (claims.releaseAll(claimIds, now) != ops.size() || shifts.returnSeats(shiftId, ops.size()) == 0) {
            throw new NotAsOne(); // one is no longer releasable: said one by one
        }
        hints.releasedAfterCommit(shiftId);
        return Collections.nCopies(ops.size(), null);
    }

    /** One claim alone: member row lock, overlap read, seat UPDATE, claim INSERT (see {@link ClaimService}). */
    DutyClaim claimInTx(PartyMember m, DutyShift s) {
        LocalDateTime now = LocalDateTime.now(clock);
        if (members.lock(m.getId(), true) == null) {
            throw new BizException(DutyError.DUTY_MEMBER_NOT_APPROVED);
        }
        List<Long> clashing = claims.clashingShifts(m.getId(), s.getStartAt(), s.getEndAt());
        if (clashing.contains(s.getId())) {
            throw new BizException(DutyError.SHIFT_ALREADY_CLAIMED);
        }
        if (!clashing.isEmpty()) {
            throw new BizException(DutyError.SHIFT_OVERLAP);
        }
        if (shifts.takeSeat(s.getId(), now) == 0) {
            refuseIfUnclaimable(shiftService.shift(s.getId()), now); // say why: cancelled, started or full
            throw new BizException(DutyError.SHIFT_FULL);
        }
        DutyClaim c = newClaim(m, s, now);
        try {
            claims.insert(c);
        } catch (DuplicateKeyException e) {
            throw new BizException(DutyError.SHIFT_ALREADY_CLAIMED); // rolls back the seat too
        }
        return c;
    }

    /** One release alone: member row lock, guarded claim UPDATE, seat back. */
    DutyClaim releaseInTx(PartyMember m, DutyClaim active) {
        LocalDateTime now = LocalDateTime.now(clock);
        members.lock(m.getId(), false);
        if (claims.release(active.getId(), now) == 0) {
            throw new BizException(DutyError.CLAIM_NOT_FOUND);
        }
        shifts.returnSeat(active.getShiftId());
        hints.releasedAfterCommit(active.getShiftId());
        return null;
    }

    static void refuseIfUnclaimable(DutyShift s, LocalDateTime now) {
        ErrorCode refusal = s.claimRefusal(now);
        if (refusal != null) {
            throw new BizException(refusal);
        }
    }

    private static DutyClaim newClaim(PartyMember m, DutyShift s, LocalDateTime now) {
        DutyClaim c = new DutyClaim();
        c.setShiftId(s.getId());
        c.setMemberId(m.getId());
        c.setUserId(m.getUserId());
        c.setStationId(s.getStationId());
        c.setStartAt(s.getStartAt());
        c.setEndAt(s.getEndAt());
        c.setStatus(ClaimStatus.ACTIVE);
        c.setActiveShift(s.getId());
        c.setCreatedAt(now);
        c.setUpdatedAt(now);
        return c;
    }
}
