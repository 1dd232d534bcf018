package org.redstation.station;

import com.baomidou.mybatisplus.annotation.TableName;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

/** A row of {@code station_service}: a catalogue service a station offers, in display order, with its own note and hours. */
@Data
@NoArgsConstructor
@AllArgsConstructor
@TableName("station_service")
class StationOffer {
    private Long stationId;
    private Long serviceId;
    private Integer sortOrder;
    private String note;
    private String hours;
}
