package org.redstation.booking;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.InsertProvider;
import org.redstation.common.MultiRowInsert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.redstation.booking.BookingStore.Booking;

/** {@code booking}. Status changes are conditional on the status read, so a lost race changes nothing. */
@Mapper
interface BookingMapper extends BaseMapper<Booking> {
    @Select("SELECT * FROM booking WHERE id = #{id} FOR UPDATE")
    Booking lockById(@Param("id") long id);

    @Select("SELECT * FROM booking WHERE user_id = #{userId} AND idempotency_key = #{key}")
    Booking byIdempotencyKey(@Param("userId") long userId, @Param("key") String key);

    @Select("SELECT * FROM booking WHERE active_slot_id = #{slotId} AND user_id = #{userId}")
    Booking activeOf(@Param("userId") long userId, @Param("slotId") long slotId);

    /**
     * Active bookings of one slot in one statement (a coalesced batch); a unique key (one active booking per resident
     * and slot, the idempotency key) already taken fails the whole statement. Ids are read back by {@link #idsOfActive}.
     */
    @InsertProvider(type = MultiRowInsert.class, method = "sql")
    @MultiRowInsert.Into(table = "booking", columns = {"slot_id", "station_id", "user_id", "service_id", "note", "contact_name", "contact_phone",
                    "contact_relation", "status", "active_slot_id", "idempotency_key", "created_at", "updated_at"},
            properties = {"slotId", "stationId", "userId", "serviceId", "note", "contactName", "contactPhone",
                    "contactRelation", "status", "activeSlotId", "idempotencyKey", "createdAt", "updatedAt"})
    int insertAll(@Param("rows") List<Booking> rows);

    /** Ids of the users' active bookings of a slot (unique per user: the rows {@link #insertAll} just wrote). */
    @Select("<script>SELECT id, user_id FROM booking WHERE active_slot_id = #{slotId} AND user_id IN "
            + "<foreach collection='userIds' item='u' open='(' separator=',' close=')'>#{u}</foreach></script>")
    List<Booking> idsOfActive(@Param("slotId") long slotId, @Param("userIds") Collection<Long> userIds);

    /** Users among these with at least {@code limit} no-shows since {@code since} (the restriction, one statement per batch). */
    @Select("<script>SELECT user_id FROM booking WHERE user_id IN "
            + "<foreach collection='userIds' item='u' open='(' separator=',' close=')'>#{u}</foreach> "
            + "AND status = 'NO_SHOW' AND arrived_at IS NULL AND updated_at >= #{since} GROUP BY user_id HAVING COUNT(*) >= #{limit}</script>")
    List<Long> restrictedAmong(@Param("userIds") Collection<Long> userIds, @Param("since") LocalDateTime since,
                               @Param("limit") int limit);

    /** The user's active bookings among these slots (one statement for a whole slot list). */
    @Select("<script>SELECT * FROM booking WHERE user_id = #{userId} AND active_slot_id IN "
            + "<foreach collection='slotIds' item='s' open='(' separator=',' close=')'>#{s}</foreach></script>")
    List<Booking> activeOfSlots(@Param("userId") long userId, @Param("slotIds") Collection<Long> slotIds);

    /** The first in the 候补 list of a slot, locked (after the slot row: lock order). */
    @Select("SELECT * FROM booking FORCE INDEX (idx_booking_slot_status) WHERE slot_id = #{slotId} AND status = 'WAITING' "
            + "ORDER BY id LIMIT 1 FOR UPDATE")
    Booking lockFirstWaiter(@Param("slotId") long slotId);

    /** The 候补 bookings of these slots in arrival order: a waiter's position is its rank within its slot. */
    @Select("<script>SELECT id, slot_id FROM booking WHERE status = 'WAITING' AND slot_id IN "
            + "<foreach collection='slotIds' item='s' open='(' separator=',' close=')'>#{s}</foreach> ORDER BY slot_id, id</script>")
    List<Booking> waitersOf(@Param("slotIds") Collection<Long> slotIds);

    /** Bookings of a user, latest slot first. */
    @Select("SELECT b.* FROM booking b JOIN booking_slot s ON s.id = b.slot_id WHERE b.user_id = #{userId} "
            + "ORDER BY s.slot_date DESC, s.start_time DESC, b.id DESC LIMIT #{limit}")
    List<Booking> ofUser(@Param("userId") long userId, @Param("limit") int limit);

    @Select("SELECT * FROM booking WHERE slot_id = #{slotId} ORDER BY id")
    List<Booking> ofSlot(@Param("slotId") long slotId);

    @Update("UPDATE booking SET status = #{to}, updated_at = #{now} WHERE id = #{id} AND status = #{from}")
    int setStatus(@Param("id") long id, @Param("from") BookingStatus from, @Param("to") BookingStatus to,
                  @Param("now") LocalDateTime now);

    /** Cancels and frees the (slot, user) unique key for a new booking. */
    @Update("UPDATE booking SET status = 'CANCELLED', active_slot_id = NULL, cancel_reason = #{reason}, cancelled_by = #{by}, "
            + "updated_at = #{now} WHERE id = #{id} AND status = #{from}")
    int cancel(@Param("id") long id, @Param("from") BookingStatus from, @Param("reason") String reason,
               @Param("by") CancelledBy by, @Param("now") LocalDateTime now);

    /**
     * The user's seat (CONFIRMED or already checked in) at the station whose slot is under way or starts within the
     * early window: {@code startBy} = now + early, so a slot starting at or before it and not yet ended qualifies.
     */
    @Select("SELECT b.* FROM booking b JOIN booking_slot s ON s.id = b.slot_id WHERE b.user_id = #{userId} "
            + "AND b.station_id = #{stationId} AND b.status IN ('CONFIRMED', 'ATTENDED') AND s.slot_date = #{day} "
            + "AND s.start_time <= #{startBy} AND s.end_time >= #{time} ORDER BY s.start_time, b.id LIMIT 1")
    Booking arrivable(@Param("userId") long userId, @Param("stationId") long stationId, @Param("day") LocalDate day,
                      @Param("time") java.time.LocalTime time, @Param("startBy") java.time.LocalTime startBy);

    /** Checks a seat in with its queue number; 0 = no longer CONFIRMED (cancelled, or checked in already). */
    @Update("UPDATE booking SET status = 'ATTENDED', queue_no = #{queueNo}, arrived_at = #{now}, updated_at = #{now} "
            + "WHERE id = #{id} AND status = 'CONFIRMED' AND queue_no IS NULL")
    int checkIn(@Param("id") long id, @Param("queueNo") int queueNo, @Param("now") LocalDateTime now);

    /** No-shows of the user; a booking checked in at the station never counts, whatever staff recorded later. */
    @Select("SELECT COUNT(*) FROM booking WHERE user_id = #{userId} AND status = 'NO_SHOW' AND arrived_at IS NULL "
            + "AND updated_at >= #{since}")
    int noShowsSince(@Param("userId") long userId, @Param("since") LocalDateTime since);

    /**
     * Confirmed bookings of open slots starting after {@code now} and at the latest {@code until}, not yet reminded: the
     * days' slots by {@code idx_booking_slot_day} (V50), then their bookings, so the cost follows the slots due, not the table.
     */
    @Select("SELECT b.id FROM booking b JOIN booking_slot s ON s.id = b.slot_id "
            + "WHERE b.status = 'CONFIRMED' AND b.reminded_at IS NULL AND s.status = 'OPEN' "
            + "AND s.slot_date BETWEEN #{fromDay} AND #{untilDay} AND TIMESTAMP(s.slot_date, s.start_time) > #{now} "
            + "AND TIMESTAMP(s.slot_date, s.start_time) <= #{until}") // no ORDER BY: each is claimed on its own, order is moot
    List<Long> dueReminders(@Param("now") LocalDateTime now, @Param("until") LocalDateTime until,
                            @Param("fromDay") LocalDate fromDay, @Param("untilDay") LocalDate untilDay);

    /** Claims the reminder of one booking: 1 = this caller sends it, 0 = someone else did or it is no longer due. */
    @Update("UPDATE booking SET reminded_at = #{now} WHERE id = #{id} AND reminded_at IS NULL AND status = 'CONFIRMED'")
    int claimReminder(@Param("id") long id, @Param("now") LocalDateTime now);
}
