package org.redstation.booking;

import java.time.LocalDate;
import java.util.List;
import lombok.Data;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Read-only GROUP BY statement for the dashboard: one row per station and slot day. */
@Mapper
interface BookingFiguresMapper {
    @Data
    class StationDayRow {
        private long stationId;
        private LocalDate day;
        private long bookings;
        private long attended;
        private long noShow;
    }

    /** Bookings that were not cancelled, by the slot's station and day in [from, to]. */
    @Select("SELECT b.station_id, s.slot_date AS day, COUNT(*) AS bookings, SUM(b.status = 'ATTENDED') AS attended, "
            + "SUM(b.status = 'NO_SHOW') AS no_show FROM booking b JOIN booking_slot s ON s.id = b.slot_id "
            + "WHERE s.slot_date BETWEEN #{from} AND #{to} AND b.status <> 'CANCELLED' GROUP BY b.station_id, s.slot_date")
    List<StationDayRow> perStationDay(@Param("from") LocalDate from, @Param("to") LocalDate to);
}
