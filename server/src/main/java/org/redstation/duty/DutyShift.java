package org.redstation.duty;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;
import org.redstation.common.ErrorCode;

/**
 * A duty shift at a station (table {@code duty_shift}). {@code taken} only moves through the guarded statements of
 * {@link DutyShiftMapper}; the CHECK {@code taken BETWEEN 0 AND seats} backs them up.
 */
@Data
@TableName("duty_shift")
class DutyShift {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long stationId;
    private Long communityId;
    private LocalDateTime startAt;
    private LocalDateTime endAt;
    private String roleName;
    private int seats;
    private int taken;
    private Long orgId;
    /** The weekly pattern that made the shift; null = published by hand. */
    private Long patternId;
    private ShiftStatus status;
    private boolean reminded;
    private boolean alerted;
    private LocalDateTime createdAt;

    /** Filled by the joined selects of {@link DutyShiftMapper} only. */
    @TableField(exist = false)
    private String orgName;

    int seatsLeft() {
        return Math.max(0, seats - taken);
    }

    boolean open() {
        return status == ShiftStatus.OPEN;
    }

    /**
     * Why a member may not claim this shift at {@code now}, or null. A quick answer from a row read earlier; the
     * conditional UPDATE of {@link DutyShiftMapper#takeSeat} is what really decides.
     */
    ErrorCode claimRefusal(LocalDateTime now) {
        if (!open()) {
            return DutyError.SHIFT_CANCELLED;
        }
        if (!startAt.isAfter(now)) {
            return DutyError.SHIFT_PAST;
        }
        return taken >= seats ? DutyError.SHIFT_FULL : null;
    }
}
