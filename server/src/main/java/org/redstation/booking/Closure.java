package org.redstation.booking;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDate;
import java.time.LocalDateTime;
import lombok.Getter;
import lombok.Setter;
import lombok.experimental.Accessors;

/** A day without slots ({@code booking_closure}); stationId 0 = every station (a public holiday). */
@Getter
@Setter
@Accessors(fluent = true, chain = true)
@TableName("booking_closure")
class Closure {
    static final long ALL_STATIONS = 0;

    @TableId(type = IdType.AUTO)
    private long id;
    private long stationId;
    private LocalDate closedOn;
    private String reason;
    private Long createdBy;
    private LocalDateTime createdAt;

    boolean districtWide() {
        return stationId == ALL_STATIONS;
    }
}
