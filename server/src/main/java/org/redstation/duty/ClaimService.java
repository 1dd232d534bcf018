package org.redstation.duty;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.redstation.common.BizException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Members claim and release shifts. Order: cheap checks, then the Redis locks (shift + member), then one database
 * transaction that locks the member row (FOR UPDATE), checks overlaps, takes a seat with a conditional UPDATE
 * (taken &lt; seats) and inserts the claim (unique active_shift+member). The transaction alone keeps the rules.
 */
@Service
class ClaimService {
    private final DutyRepo repo;
    private final DutyLocks locks;
    private final TransactionTemplate tx;
    private final DutyProperties props;
    private final Clock clock;

    ClaimService(DutyRepo repo, DutyLocks locks, TransactionTemplate tx, DutyProperties props, Clock clock) {
        this.repo = repo;
        this.locks = locks;
        this.tx = tx;
        this.props = props;
        this.clock = clock;
    }

    record ClaimView(long claimId, long shiftId, long stationId, String stationName, String date, String start,
                     String end, String roleName, String status, String statusName, boolean checkedIn,
                     boolean checkedOut, boolean autoClosed, int minutes, boolean releasable) {
    }

    DutyRepo.Member approvedMember(long userId) {
        DutyRepo.Member m = repo.memberByUser(userId).orElseThrow(() -> new BizException(DutyError.DUTY_NOT_MEMBER));
        if (!m.approved()) {
            throw new BizException(DutyError.DUTY_MEMBER_NOT_APPROVED);
        }
        return m;
    }

    long claim(long userId, long shiftId) {
        DutyRepo.Member m = approvedMember(userId);
        DutyRepo.Shift s = repo.shift(shiftId).orElseThrow(() -> new BizException(DutyError.SHIFT_NOT_FOUND));
        if (s.communityId() != m.communityId()) {
            throw new BizException(DutyError.SHIFT_OTHER_COMMUNITY);
        }
        refuseIfUnclaimable(s, LocalDateTime.now(clock));
        return locks.withShiftAndMember(shiftId, m.id(), () -> tx.execute(st -> claimInTx(m, s)));
    }

    private void refuseIfUnclaimable(DutyRepo.Shift s, LocalDateTime now) {
        if (!s.open()) {
            throw new BizException(DutyError.SHIFT_CANCELLED);
        }
        if (!s.startAt().isAfter(now)) {
            throw new BizException(DutyError.SHIFT_PAST);
        }
        if (s.taken() >= s.seats()) {
            throw new BizException(DutyError.SHIFT_FULL);
        }
    }

    private long claimInTx(DutyRepo.Member m, DutyRepo.Shift s) {
        LocalDateTime now = LocalDateTime.now(clock);
        // serialises this member's claims in the database, whatever Redis did
        repo.jdbc.queryForObject("SELECT id FROM party_member WHERE id = ? AND status = 'APPROVED' FOR UPDATE", Long.class, m.id());
        // one query for both rules: an active claim of this member overlapping the shift (the same shift included)
        List<Long> clashing = repo.jdbc.queryForList("SELECT shift_id FROM duty_claim WHERE member_id = ? AND status = 'ACTIVE' "
                + "AND start_at < ? AND end_at > ?", Long.class, m.id(), s.endAt(), s.startAt());
        if (clashing.contains(s.id())) {
            throw new BizException(DutyError.SHIFT_ALREADY_CLAIMED);
        }
        if (!clashing.isEmpty()) {
            throw new BizException(DutyError.SHIFT_OVERLAP);
        }
        int seat = repo.jdbc.update("UPDATE duty_shift SET taken = taken + 1 WHERE id = ? AND status = 'OPEN' AND taken < seats "
                + "AND start_at > ?", s.id(), now);
        if (seat == 0) {
            refuseIfUnclaimable(repo.shift(s.id()).orElseThrow(), now);
            throw new BizException(DutyError.SHIFT_FULL);
        }
        org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        try {
            repo.jdbc.update(con -> {
                var ps = con.prepareStatement("INSERT INTO duty_claim (shift_id, member_id, user_id, station_id, start_at, end_at, "
                        + "status, active_shift, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)", new String[] {"id"});
                ps.setLong(1, s.id());
                ps.setLong(2, m.id());
                ps.setLong(3, m.userId());
                ps.setLong(4, s.stationId());
                ps.setObject(5, s.startAt());
                ps.setObject(6, s.endAt());
                ps.setLong(7, s.id());
                ps.setObject(8, now);
                ps.setObject(9, now);
                return ps;
            }, key);
        } catch (DuplicateKeyException e) {
            throw new BizException(DutyError.SHIFT_ALREADY_CLAIMED); // rolls back the seat too
        }
        return key.getKey().longValue();
    }

    void release(long userId, long shiftId) {
        DutyRepo.Member m = approvedMember(userId);
        DutyRepo.Shift s = repo.shift(shiftId).orElseThrow(() -> new BizException(DutyError.SHIFT_NOT_FOUND));
        List<DutyRepo.Claim> active = repo.claims("WHERE c.active_shift = ? AND c.member_id = ?", shiftId, m.id());
        if (active.isEmpty()) {
            throw new BizException(DutyError.CLAIM_NOT_FOUND);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (!now.isBefore(s.startAt().minus(props.releaseCutoff()))) {
            throw new BizException(DutyError.RELEASE_TOO_LATE, "离开始时间不足" + human(props.releaseCutoff())
                    + "，不能再取消认领，如有急事请联系社区");
        }
        locks.withShiftAndMember(shiftId, m.id(), () -> tx.execute(st -> {
            repo.jdbc.queryForObject("SELECT id FROM party_member WHERE id = ? FOR UPDATE", Long.class, m.id());
            int n = repo.jdbc.update("UPDATE duty_claim SET status = 'RELEASED', active_shift = NULL, updated_at = ? "
                    + "WHERE id = ? AND status = 'ACTIVE' AND checkin_at IS NULL", now, active.get(0).id());
            if (n == 0) {
                throw new BizException(DutyError.CLAIM_NOT_FOUND);
            }
            repo.jdbc.update("UPDATE duty_shift SET taken = taken - 1 WHERE id = ? AND taken > 0", shiftId);
            return null;
        }));
    }

    static String human(java.time.Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + "小时" : d.toMinutes() + "分钟";
    }

    /** The member's shifts from today on (and today's finished ones), soonest first. */
    List<ClaimView> myShifts(long userId, java.util.function.LongFunction<String> stationName) {
        DutyRepo.Member m = repo.memberByUser(userId).orElseThrow(() -> new BizException(DutyError.DUTY_NOT_MEMBER));
        LocalDateTime now = LocalDateTime.now(clock);
        return repo.claims("WHERE c.member_id = ? AND c.status IN ('ACTIVE', 'CANCELLED') AND c.end_at >= ? "
                        + "ORDER BY c.start_at, c.id LIMIT 100", m.id(), now.toLocalDate().atStartOfDay())
                .stream().map(c -> view(c, stationName.apply(c.stationId()), now)).toList();
    }

    ClaimView view(DutyRepo.Claim c, String stationName, LocalDateTime now) {
        String statusName = switch (c.status()) {
            case "CANCELLED" -> "社区已取消";
            case "RELEASED" -> "已取消认领";
            default -> c.checkoutAt() != null ? (c.autoClosed() ? "未签退（已自动结束）" : "已完成")
                    : c.checkinAt() != null ? "值班中" : "待值班";
        };
        boolean releasable = "ACTIVE".equals(c.status()) && c.checkinAt() == null
                && now.isBefore(c.startAt().minus(props.releaseCutoff()));
        return new ClaimView(c.id(), c.shiftId(), c.stationId(), stationName, c.startAt().toLocalDate().toString(),
                c.startAt().format(ShiftService.HM), c.endAt().format(ShiftService.HM), c.roleName(), c.status(), statusName,
                c.checkinAt() != null, c.checkoutAt() != null, c.autoClosed(), c.minutes(), releasable);
    }
}
