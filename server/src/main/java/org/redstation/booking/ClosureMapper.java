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

    /** Closures of some stations and district-wide ones between two days (inclusive). */
    @Select("<script>SELECT * FROM booking_closure WHERE closed_on BETWEEN #{from} AND #{to} AND station_id IN (0"
            + "<foreach collection='stationIds' item='s'>, #{s}</foreach>)</script>")
    List<Closure> ofStations(@Param("stationIds") java.util.Collection<Long> stationIds, @Param("from") LocalDate from,
                             @Param("to") LocalDate to);

    @Select("SELECT closed_on FROM booking_closure WHERE station_id IN (0, #{stationId}) AND closed_on BETWEEN #{from} AND #{to}")
    List<LocalDate> closedDays(@Param("stationId") long stationId, @Param("from") LocalDate from, @Param("to") LocalDate to);
}
