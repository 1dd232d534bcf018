package org.redstation.station;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

/** A row of {@code station_poster}: the rendered poster of a station for one drawn content ({@code contentKey}). */
@Data
@NoArgsConstructor
@AllArgsConstructor
@TableName("station_poster")
class StationPoster {
    @TableId(type = IdType.INPUT)
    private Long stationId;
    private String contentKey;
    private byte[] png;
    private LocalDateTime createdAt;
}
