package org.redstation.station;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalTime;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;
import org.redstation.common.SlotKind;

/** A row of {@code station_hours}: one weekly opening window (day 1 = Monday … 7 = Sunday). */
@Data
@NoArgsConstructor
@AllArgsConstructor
@TableName("station_hours")
class StationHours {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long stationId;
    private Integer dayOfWeek;
    private LocalTime openTime;
    private LocalTime closeTime;
    private SlotKind kind;
}
