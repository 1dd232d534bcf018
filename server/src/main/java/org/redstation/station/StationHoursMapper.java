package org.redstation.station;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** {@code station_hours}. */
@Mapper
interface StationHoursMapper extends BaseMapper<StationHours> {
    /** A whole schedule in one statement (the list is never empty). */
    @Insert("<script>INSERT INTO station_hours (station_id, day_of_week, open_time, close_time, kind) VALUES "
            + "<foreach collection='rows' item='h' separator=','>"
            + "(#{h.stationId}, #{h.dayOfWeek}, #{h.openTime}, #{h.closeTime}, #{h.kind})</foreach></script>")
    int insertAll(@Param("rows") List<StationHours> rows);
}
