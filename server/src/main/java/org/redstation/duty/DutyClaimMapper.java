package org.redstation.duty;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import lombok.Data;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.InsertProvider;
import org.redstation.common.MultiRowInsert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code duty_claim}: reads with the shift's role name, the guarded state changes, and the staff reports. */
@Mapper
interface DutyClaimMapper extends BaseMapper<DutyClaim> {
    String WITH_ROLE = "SELECT c.*, s.role_name FROM duty_claim c JOIN duty_shift s ON s.id = c.shift_id ";

    @Select(WITH_ROLE + "WHERE c.id = #{id}")
    DutyClaim findById(@Param("id") long id);

    @Select(WITH_ROLE + "WHERE c.active_shift = #{shiftId} AND c.member_id = #{memberId}")
    DutyClaim findActive(@Param("shiftId") long shiftId, @Param("memberId") long memberId);

    /** "My shifts": active and staff-cancelled claims ending from {@code from} on, soonest first. */
    @Select(WITH_ROLE + "WHERE c.member_id = #{memberId} AND c.status IN ('ACTIVE', 'CANCELLED') AND c.end_at >= #{from} "
            + "ORDER BY c.start_at, c.id LIMIT 100")
    List<DutyClaim> upcomingOfMember(@Param("memberId") long memberId, @Param("from") LocalDateTime from);

    /** Active claims not checked out and not over, optionally at one station, soonest first. */
    @Select("<script>" + WITH_ROLE + "WHERE c.member_id = #{memberId} AND c.status = 'ACTIVE' AND c.checkout_at IS NULL "
            + "AND c.end_at &gt; #{now}<if test='stationId != null'> AND c.station_id = #{stationId}</if>"
            + " ORDER BY c.start_at</script>")
    List<DutyClaim> openOfMember(@Param("memberId") long memberId, @Param("stationId") Long stationId,
                                 @Param("now") LocalDateTime now);

    /** The latest claim the member is checked in on and not yet out of. */
    @Select(WITH_ROLE + "WHERE c.member_id = #{memberId} AND c.status = 'ACTIVE' AND c.checkin_at IS NOT NULL "
            + "AND c.checkout_at IS NULL ORDER BY c.start_at DESC LIMIT 1")
    DutyClaim checkedInOfMember(@Param("memberId") long memberId);

    /** Shifts of the member's active claims overlapping [start, end), the same shift included: both rules in one read. */
    @Select("SELECT shift_id FROM duty_claim WHERE member_id = #{memberId} AND status = 'ACTIVE' "
            + "AND start_at < #{end} AND end_at > #{start}")
    List<Long> clashingShifts(@Param("memberId") long memberId, @Param("start") LocalDateTime start,
                              @Param("end") LocalDateTime end);

    /** The same for several members at once (a batch of claims of one shift): member id and shift id of each clash. */
    @Select("<script>SELECT member_id, shift_id FROM duty_claim WHERE member_id IN "
            + "<foreach collection='memberIds' item='m' open='(' separator=',' close=')'>#{m}</foreach> AND status = 'ACTIVE' "
            + "AND start_at &lt; #{end} AND end_at &gt; #{start}</script>")
    List<DutyClaim> clashesOf(@Param("memberIds") Collection<Long> memberIds, @Param("start") LocalDateTime start,
                              @Param("end") LocalDateTime end);

    /** Active claims of one shift in one statement; a member's second claim (unique active_shift + member) fails it all. */
    @InsertProvider(type = MultiRowInsert.class, method = "sql")
    @MultiRowInsert.Into(table = "duty_claim", columns = {"shift_id", "member_id", "user_id", "station_id", "start_at", "end_at", "status", "active_shift",
                    "created_at", "updated_at"},
            properties = {"shiftId", "memberId", "userId", "stationId", "startAt", "endAt", "status", "activeShift",
                    "createdAt", "updatedAt"})
    int insertAll(@Param("rows") List<DutyClaim> rows);

    /** Ids of the members' active claims of a shift (the rows {@link #insertAll} just wrote). */
    @Select("<script>SELECT id, member_id FROM duty_claim WHERE active_shift = #{shiftId} AND member_id IN "
            + "<foreach collection='memberIds' item='m' open='(' separator=',' close=')'>#{m}</foreach></script>")
    List<DutyClaim> idsOfActive(@Param("shiftId") long shiftId, @Param("memberIds") Collection<Long> memberIds);

    /** Releases several claims; fewer rows than ids = one of them is no longer releasable (the caller rolls back). */
    @Update("<script>UPDATE duty_claim SET status = 'RELEASED', active_shift = NULL, updated_at = #{now} WHERE id IN "
            + "<foreach collection='ids' item='i' open='(' separator=',' close=')'>#{i}</foreach> "
            + "AND status = 'ACTIVE' AND checkin_at IS NULL</script>")
    int releaseAll(@Param("ids") Collection<Long> ids, @Param("now") LocalDateTime now);

    @Select("SELECT COALESCE(SUM(minutes), 0) FROM duty_claim WHERE member_id = #{memberId}")
    int minutesOf(@Param("memberId") long memberId);

    /** A member's service minutes and the part of them served after check-ins without proof. */
    @Data
    class ServiceMinutes {
        private long memberId;
        private int minutes;
        private int unverifiedMinutes;
    }

    /**
     * Service minutes of several members (members without any are absent): both sums from one range of
     * idx_duty_claim_member_minutes per member (V77), covering. Rows with 0 minutes are skipped (the same totals:
     * minutes are never negative), so released claims are not read. Two correlated sums per member cost twice the
     * index dives and grew by a sixth on a large district's 200,000 claims.
     */
    @Select("<script>SELECT c.member_id, SUM(c.minutes) AS minutes, " + UNVERIFIED_SUM + "FROM duty_claim c "
            + "WHERE c.member_id IN <foreach collection='memberIds' item='m' open='(' separator=',' close=')'>#{m}</foreach> "
            + "AND c.minutes > 0 GROUP BY c.member_id</script>")
    List<ServiceMinutes> serviceMinutes(@Param("memberIds") Collection<Long> memberIds);

    @Select("SELECT * FROM duty_claim WHERE status = 'ACTIVE' AND checkin_at IS NOT NULL AND checkout_at IS NULL "
            + "AND end_at <= #{now} LIMIT 500")
    List<DutyClaim> missedCheckouts(@Param("now") LocalDateTime now);

    /** 0 rows = not active any more or already checked in. */
    @Update("UPDATE duty_claim SET status = 'RELEASED', active_shift = NULL, updated_at = #{now} "
            + "WHERE id = #{id} AND status = 'ACTIVE' AND checkin_at IS NULL")
    int release(@Param("id") long id, @Param("now") LocalDateTime now);

    /** Every active claim of a cancelled shift. */
    @Update("UPDATE duty_claim SET status = 'CANCELLED', active_shift = NULL, updated_at = #{now} "
            + "WHERE shift_id = #{shiftId} AND status = 'ACTIVE'")
    int cancelAllOfShift(@Param("shiftId") long shiftId, @Param("now") LocalDateTime now);

    /** 0 rows = checked in already (a second tap or another device). Records how the check-in was verified. */
    @Update("UPDATE duty_claim SET checkin_at = #{now}, checkin_verify = #{verify}, checkin_distance_m = #{distance}, "
            + "updated_at = #{now} WHERE id = #{id} AND status = 'ACTIVE' AND checkin_at IS NULL")
    int checkIn(@Param("id") long id, @Param("now") LocalDateTime now, @Param("verify") CheckInVerify verify,
                @Param("distance") Integer distance);

    /** 0 rows = checked out already. */
    @Update("UPDATE duty_claim SET checkout_at = #{until}, minutes = #{minutes}, updated_at = #{now} "
            + "WHERE id = #{id} AND checkout_at IS NULL")
    int checkOut(@Param("id") long id, @Param("until") LocalDateTime until, @Param("minutes") int minutes,
                 @Param("now") LocalDateTime now);

    /** Closes a forgotten check-out at the shift's end; 0 rows = the member checked out meanwhile. */
    @Update("UPDATE duty_claim SET checkout_at = #{end}, minutes = #{minutes}, auto_closed = 1, updated_at = #{now} "
            + "WHERE id = #{id} AND checkout_at IS NULL")
    int autoClose(@Param("id") long id, @Param("end") LocalDateTime end, @Param("minutes") int minutes,
                  @Param("now") LocalDateTime now);

    // ---- staff reports ----

    @Data
    class ShiftClaimRow {
        private Long claimId;
        private Long memberId;
        private ClaimStatus status;
        private String name;
        private String phone;
        private String orgName;
        private LocalDateTime checkinAt;
        private CheckInVerify checkinVerify;
        private Integer checkinDistanceM;
        private LocalDateTime checkoutAt;
        private int minutes;
        private boolean autoClosed;
    }

    @Select("SELECT c.id AS claim_id, c.member_id, c.status, c.checkin_at, c.checkin_verify, c.checkin_distance_m, "
            + "c.checkout_at, c.minutes, c.auto_closed, m.name, m.phone, "
            + "o.name AS org_name FROM duty_claim c JOIN party_member m ON m.id = c.member_id "
            + "JOIN duty_org o ON o.id = m.org_id WHERE c.shift_id = #{shiftId} ORDER BY c.id")
    List<ShiftClaimRow> ofShiftForStaff(@Param("shiftId") long shiftId);

    @Data
    class OnDutyRow {
        private String name;
        private String orgName;
        private LocalDateTime endAt;
    }

    /** Who is checked in at a station now: the fallback when the Redis presence cannot be read. */
    @Select("SELECT m.name, o.name AS org_name, c.end_at FROM duty_claim c JOIN party_member m ON m.id = c.member_id "
            + "JOIN duty_org o ON o.id = m.org_id WHERE c.station_id = #{stationId} AND c.status = 'ACTIVE' "
            + "AND c.checkin_at IS NOT NULL AND c.checkout_at IS NULL AND c.end_at > #{now} ORDER BY c.end_at")
    List<OnDutyRow> onDutyAt(@Param("stationId") long stationId, @Param("now") LocalDateTime now);

    @Data
    class HoursRow {
        private Long id;
        private String name;
        private String orgName;
        private int shifts;
        private int minutes;
        /** The part of {@code minutes} served after check-ins without proof. */
        private int unverifiedMinutes;
    }

    /** Summed beside {@code minutes} in the hours statements (joined claims are checked out) and in serviceMinutes. */
    String UNVERIFIED_SUM = "COALESCE(SUM(CASE WHEN c.checkin_verify = 'NONE' THEN c.minutes ELSE 0 END), 0) AS unverified_minutes ";

    @Select("<script>SELECT m.id, m.name, o.name AS org_name, COUNT(c.id) AS shifts, COALESCE(SUM(c.minutes), 0) AS minutes, "
            + UNVERIFIED_SUM + "FROM party_member m JOIN duty_org o ON o.id = m.org_id LEFT JOIN duty_claim c ON c.member_id = m.id "
            + "AND c.checkout_at IS NOT NULL WHERE m.status = 'APPROVED'"
            + "<if test='communities != null'> AND m.community_id IN "
            + "<foreach item='x' collection='communities' open='(' separator=',' close=')'>#{x}</foreach></if>"
            + " GROUP BY m.id, m.name, o.name ORDER BY minutes DESC, m.id</script>")
    List<HoursRow> hoursByMember(@Param("communities") Collection<Long> communities);

    @Select("<script>SELECT o.id, o.name, o.name AS org_name, COUNT(c.id) AS shifts, COALESCE(SUM(c.minutes), 0) AS minutes, "
            + UNVERIFIED_SUM + "FROM duty_org o LEFT JOIN party_member m ON m.org_id = o.id LEFT JOIN duty_claim c ON c.member_id = m.id "
            + "AND c.checkout_at IS NOT NULL WHERE 1 = 1"
            + "<if test='communities != null'> AND o.community_id IN "
            + "<foreach item='x' collection='communities' open='(' separator=',' close=')'>#{x}</foreach></if>"
            + " GROUP BY o.id, o.name ORDER BY minutes DESC, o.id</script>")
    List<HoursRow> hoursByOrg(@Param("communities") Collection<Long> communities);
}
