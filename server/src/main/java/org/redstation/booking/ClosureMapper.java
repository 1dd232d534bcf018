package org.redstation.booking;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code booking_closure}; the unique key (station_id, closed_on) refuses a second closure of a day. */
@Mapper
interface ClosureMapper extends BaseMapper<Closure> {
    /** Closures of a station and district-wide ones from {@code from}, in date order. */
    @Select("SELECT * FROM booking_closure WHERE station_id IN (0, #{stationId}) AND closed_on >= #{from} ORDER BY closed_on, id")
    List<Closure> upcoming(@Param("stationId") long stationId, @Param("from") LocalDate from);

    @Select("SELECT closed_on FROM booking_closure WHERE station_id IN (0, #{stationId}) AND closed_on BETWEEN #{from} AND #{to}")
    List<LocalDate> closedDays(@Param("stationId") long stationId, @Param("from") LocalDate from, @Param("to") LocalDate to);
}
