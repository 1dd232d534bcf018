package org.redstation.booking;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.apache.ibatis.annotations.InsertProvider;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.ResultMap;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.redstation.booking.BookingStore.Slot;
import org.redstation.common.MultiRowInsert;

/**
 * {@code booking_slot}. Seats move only through {@link #takeSeat} and {@link #returnSeat}: the database decides,
 * not the caller. Lock order everywhere: the slot row first, then booking rows.
 */
@Mapper
interface SlotMapper extends BaseMapper<Slot> {
    /** Reads the slot and locks its row until the transaction ends. */
    @Select("SELECT * FROM booking_slot WHERE id = #{id} FOR UPDATE")
    @ResultMap("mybatis-plus_Slot")
    Slot lockById(@Param("id") long id);

    /**
     * The slot, only if its rule takes bookings for the service: a booking's slot read and rule check in one statement
     * (null = no such slot or not listed; the caller reads the slot alone to say which).
     */
    @Select("SELECT s.* FROM booking_slot s JOIN booking_rule_service rs ON rs.rule_id = s.rule_id AND rs.service_id = #{serviceId} "
            + "WHERE s.id = #{id}")
    @ResultMap("mybatis-plus_Slot")
    Slot listedFor(@Param("id") long id, @Param("serviceId") long serviceId);

    /** Takes one seat; 0 rows = full, closed or gone. */
    @Update("UPDATE booking_slot SET booked = booked + 1 WHERE id = #{id} AND status = 'OPEN' AND booked < capacity")
    int takeSeat(@Param("id") long id);

    /** Takes {@code n} seats at once (a coalesced batch); 0 rows = not that many left, closed or gone: nothing taken. */
    @Update("UPDATE booking_slot SET booked = booked + #{n} WHERE id = #{id} AND status = 'OPEN' AND booked + #{n} <= capacity")
    int takeSeats(@Param("id") long id, @Param("n") int n);

    /** Hands out the next queue number of the slot (read back under the slot's row lock). */
    @Update("UPDATE booking_slot SET arrivals = arrivals + 1 WHERE id = #{id}")
    int countArrival(@Param("id") long id);

    /** Gives a seat back; never below 0. */
    @Update("UPDATE booking_slot SET booked = booked - 1 WHERE id = #{id} AND booked > 0")
    int returnSeat(@Param("id") long id);

    /** Slots of a station between two days (inclusive), in time order. */
    @Select("SELECT * FROM booking_slot WHERE station_id = #{stationId} AND slot_date BETWEEN #{from} AND #{to} "
            + "ORDER BY slot_date, start_time, id")
    @ResultMap("mybatis-plus_Slot")
    List<Slot> ofStation(@Param("stationId") long stationId, @Param("from") LocalDate from, @Param("to") LocalDate to);

    /** Open future slots with a seat left or a 候补 list, soonest first. */
    @Select("SELECT * FROM booking_slot WHERE station_id = #{stationId} AND status = 'OPEN' "
            + "AND (slot_date > #{today} OR (slot_date = #{today} AND start_time > #{time})) "
            + "AND (booked < capacity OR waitlist_enabled = 1) ORDER BY slot_date, start_time, id LIMIT #{limit}")
    @ResultMap("mybatis-plus_Slot")
    List<Slot> nextOpen(@Param("stationId") long stationId, @Param("today") LocalDate today, @Param("time") LocalTime time,
                        @Param("limit") int limit);

    /** Creates the slots whose rule has none that day (unique rule + date); answers how many were created. */
    @InsertProvider(type = MultiRowInsert.class, method = "sql")
    @MultiRowInsert.Into(table = "booking_slot", ignore = true, columns = {"station_id", "rule_id", "slot_date", "start_time",
            "end_time", "kind", "name", "capacity", "booked", "cancel_cutoff_minutes", "waitlist_enabled", "status", "created_at"},
            properties = {"stationId", "ruleId", "date", "start", "end", "kind", "name", "capacity", "booked",
                    "cancelCutoffMinutes", "waitlistEnabled", "status", "createdAt"})
    int insertAllIfAbsent(@Param("rows") List<Slot> rows);

    /** Future slots of a rule take its new terms, unless more seats are booked than the new capacity. */
    @Update("UPDATE booking_slot SET capacity = #{r.capacity}, cancel_cutoff_minutes = #{r.cancelCutoffMinutes}, "
            + "waitlist_enabled = #{r.waitlistEnabled} WHERE rule_id = #{r.id} AND slot_date >= #{from} AND booked <= #{r.capacity}")
    int applyRule(@Param("r") Rule rule, @Param("from") LocalDate from);

    /** The open slots of a day (stationId 0 = every station), locked in id order. */
    @Select("<script>SELECT * FROM booking_slot WHERE slot_date = #{day} AND status = 'OPEN'"
            + "<if test='stationId != 0'> AND station_id = #{stationId}</if> ORDER BY id FOR UPDATE</script>")
    @ResultMap("mybatis-plus_Slot")
    List<Slot> lockOpenOfDay(@Param("stationId") long stationId, @Param("day") LocalDate day);

    @Update("UPDATE booking_slot SET status = 'CLOSED' WHERE id = #{id} AND status = 'OPEN'")
    int close(@Param("id") long id);

    /** Opens the closed slots of a day again (stationId 0 = every station). */
    @Update("<script>UPDATE booking_slot SET status = 'OPEN' WHERE slot_date = #{day} AND status = 'CLOSED'"
            + "<if test='stationId != 0'> AND station_id = #{stationId}</if></script>")
    int reopenDay(@Param("stationId") long stationId, @Param("day") LocalDate day);
}
