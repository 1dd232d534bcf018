package org.redstation.station;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;

/** A row of {@code station_audit}: one staff change of a station or catalogue service; detail is JSON. */
@Data
@TableName("station_audit")
class StationAuditRow {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long staffId;
    private String staffName;
    private Long stationId;
    private Long serviceId;
    private String action;
    private String detail;
    private LocalDateTime createdAt;
}
