package org.redstation.station;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

/** A row of {@code station_qrcode}: the PNG WeChat made for a station's scene and page. */
@Data
@NoArgsConstructor
@AllArgsConstructor
@TableName("station_qrcode")
class StationQrcode {
    @TableId(type = IdType.INPUT)
    private Long stationId;
    private String scene;
    private String page;
    private byte[] png;
    private LocalDateTime createdAt;
}
