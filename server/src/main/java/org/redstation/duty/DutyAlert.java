package org.redstation.duty;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;

/** An alert for a community's staff, e.g. a shift still short of people (table {@code duty_alert}). */
@Data
@TableName("duty_alert")
class DutyAlert {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long communityId;
    private Long stationId;
    private Long shiftId;
    /** The claim of a check-in alert; 0 for an alert about the whole shift. */
    private Long claimId;
    private AlertKind kind;
    private String message;
    private LocalDateTime createdAt;
}
