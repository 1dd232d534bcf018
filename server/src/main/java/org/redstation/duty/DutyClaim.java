package org.redstation.duty;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Duration;
import java.time.LocalDateTime;
import lombok.Data;
import org.redstation.common.ErrorCode;

/**
 * A member's claim on a shift, with check-in and check-out (table {@code duty_claim}). The shift's times are copied
 * for overlap checks; {@code activeShift} equals {@code shiftId} while ACTIVE and is NULL otherwise, so the unique key
 * (active_shift, member_id) allows one active claim per member and shift.
 */
@Data
@TableName("duty_claim")
class DutyClaim {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long shiftId;
    private Long memberId;
    private Long userId;
    private Long stationId;
    private LocalDateTime startAt;
    private LocalDateTime endAt;
    private ClaimStatus status;
    private Long activeShift;
    private LocalDateTime checkinAt;
    private CheckInVerify checkinVerify;
    private Integer checkinDistanceM;
    private LocalDateTime checkoutAt;
    private int minutes;
    private boolean autoClosed;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    /** Filled by the joined selects of {@link DutyClaimMapper} only. */
    @TableField(exist = false)
    private String roleName;

    CheckInState checkInState() {
        return CheckInState.of(checkinAt, checkoutAt, autoClosed);
    }

    /** What the member sees: the claim's status once it no longer holds a seat, else where the day stands. */
    String statusName() {
        return status.holdsSeat() ? checkInState().label() : status.label();
    }

    /** A member may give the seat back while active, not checked in, and before {@code cutoff} ahead of the start. */
    boolean releasableAt(LocalDateTime now, Duration cutoff) {
        return releaseRefusal(now, cutoff) == null;
    }

    /** Why the seat may not be given back at {@code now}, or null: too late first, then nothing left to release. */
    ErrorCode releaseRefusal(LocalDateTime now, Duration cutoff) {
        if (!now.isBefore(startAt.minus(cutoff))) {
            return DutyError.RELEASE_TOO_LATE;
        }
        return status.holdsSeat() && checkinAt == null ? null : DutyError.CLAIM_NOT_FOUND;
    }

    /** Check-in is open from {@code before} ahead of the start until {@code after} past it (both ends included). */
    boolean inCheckInWindow(LocalDateTime now, Duration before, Duration after) {
        return !now.isBefore(startAt.minus(before)) && !now.isAfter(startAt.plus(after));
    }

    /** Whole minutes served from check-in until {@code until} (never negative). */
    int minutesServedUntil(LocalDateTime until) {
        return (int) Math.max(0, Duration.between(checkinAt, until).toMinutes());
    }
}
