package org.redstation.duty;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * {@code duty_shift}: reads with the rota organisation's name, and every change of {@code taken}/{@code status}
 * as a conditional UPDATE whose guard is spelled out here (0 rows = the guard said no).
 */
@Mapper
interface DutyShiftMapper extends BaseMapper<DutyShift> {
    String WITH_ORG = "SELECT s.*, o.name AS org_name FROM duty_shift s LEFT JOIN duty_org o ON o.id = s.org_id ";

    @Select(WITH_ORG + "WHERE s.id = #{id}")
    DutyShift findById(@Param("id") long id);

    /** Staff rota over [from, to), optionally of some communities and one station: one statement. */
    @Select("<script>" + WITH_ORG + "WHERE s.start_at &gt;= #{from} AND s.start_at &lt; #{to}"
            + "<if test='communities != null'> AND s.community_id IN "
            + "<foreach item='c' collection='communities' open='(' separator=',' close=')'>#{c}</foreach></if>"
            + "<if test='stationId != null'> AND s.station_id = #{stationId}</if>"
            + " ORDER BY s.start_at, s.id LIMIT 1000</script>")
    List<DutyShift> listForStaff(@Param("communities") Collection<Long> communities, @Param("stationId") Long stationId,
                                 @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

    /** Open shifts of a community starting in (from, to), optionally at one station. */
    @Select("<script>" + WITH_ORG + "WHERE s.community_id = #{communityId} AND s.status = 'OPEN' "
            + "AND s.start_at &gt; #{from} AND s.start_at &lt; #{to}"
            + "<if test='stationId != null'> AND s.station_id = #{stationId}</if>"
            + " ORDER BY s.start_at, s.id LIMIT 200</script>")
    List<DutyShift> openOfCommunity(@Param("communityId") long communityId, @Param("stationId") Long stationId,
                                    @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

    /** Takes one seat; 0 rows = full, cancelled, started or gone. The database decides, not the caller. */
    @Update("UPDATE duty_shift SET taken = taken + 1 WHERE id = #{id} AND status = 'OPEN' AND taken < seats "
            + "AND start_at > #{now}")
    int takeSeat(@Param("id") long id, @Param("now") LocalDateTime now);

    /** Takes {@code n} seats at once (a batch of claims); 0 rows = not that many left, cancelled, started or gone. */
    @Update("UPDATE duty_shift SET taken = taken + #{n} WHERE id = #{id} AND status = 'OPEN' AND taken + #{n} <= seats "
            + "AND start_at > #{now}")
    int takeSeats(@Param("id") long id, @Param("n") int n, @Param("now") LocalDateTime now);

    /** Gives {@code n} seats back (a batch of releases; never below zero: 0 rows = fewer taken). */
    @Update("UPDATE duty_shift SET taken = taken - #{n} WHERE id = #{id} AND taken >= #{n}")
    int returnSeats(@Param("id") long id, @Param("n") int n);

    /** Gives a seat back (never below zero). */
    @Update("UPDATE duty_shift SET taken = taken - 1 WHERE id = #{id} AND taken > 0")
    int returnSeat(@Param("id") long id);

    /** Locks the shift row for the transaction (staff cancel). */
    @Select("SELECT id FROM duty_shift WHERE id = #{id} FOR UPDATE")
    Long lock(@Param("id") long id);

    /** 0 rows = already cancelled. */
    @Update("UPDATE duty_shift SET status = 'CANCELLED', taken = 0 WHERE id = #{id} AND status = 'OPEN'")
    int cancel(@Param("id") long id);

    /** Sets or clears (null) the organisation on rota. */
    @Update("UPDATE duty_shift SET org_id = #{orgId,jdbcType=BIGINT} WHERE id = #{id}")
    int assignOrg(@Param("id") long id, @Param("orgId") Long orgId);

    @Select("SELECT id FROM duty_shift WHERE status = 'OPEN' AND reminded = 0 AND start_at > #{now} "
            + "AND start_at <= #{until} LIMIT 500")
    List<Long> dueForReminder(@Param("now") LocalDateTime now, @Param("until") LocalDateTime until);

    /** Claims the reminder of a shift for this instance; 0 rows = another instance sent it. */
    @Update("UPDATE duty_shift SET reminded = 1 WHERE id = #{id} AND reminded = 0")
    int markReminded(@Param("id") long id);

    @Select("SELECT id FROM duty_shift WHERE status = 'OPEN' AND alerted = 0 AND taken < seats AND start_at > #{now} "
            + "AND start_at <= #{until} LIMIT 500")
    List<Long> dueForUnderstaffedAlert(@Param("now") LocalDateTime now, @Param("until") LocalDateTime until);

    /** Claims the understaffed alert of a shift; 0 rows = raised elsewhere or filled meanwhile. */
    @Update("UPDATE duty_shift SET alerted = 1 WHERE id = #{id} AND alerted = 0 AND taken < seats")
    int markAlerted(@Param("id") long id);

    // ---- weekly patterns (PatternService): every change of a pattern's shift is guarded by taken = 0, so a shift
    // somebody claimed (even a moment ago, in a racing transaction) is never reshaped or removed by a pattern ----

    /** A pattern's shifts still ahead and open, claimed or not. */
    @Select("SELECT * FROM duty_shift WHERE pattern_id = #{patternId} AND status = 'OPEN' AND start_at > #{now} ORDER BY start_at")
    List<DutyShift> futureOfPattern(@Param("patternId") long patternId, @Param("now") LocalDateTime now);

    /** New end, seats and organisation for an unclaimed shift; 0 rows = claimed meanwhile (then it is kept as it is). */
    @Update("UPDATE duty_shift SET end_at = #{end}, seats = #{seats}, org_id = #{orgId,jdbcType=BIGINT} "
            + "WHERE id = #{id} AND taken = 0 AND status = 'OPEN'")
    int reshapeUnclaimed(@Param("id") long id, @Param("end") LocalDateTime end, @Param("seats") int seats,
                         @Param("orgId") Long orgId);

    /** Removes an unclaimed shift nobody ever claimed (no claim row refers to it); 0 rows = claimed or has history. */
    @Update("DELETE FROM duty_shift WHERE id = #{id} AND taken = 0 AND status = 'OPEN' "
            + "AND NOT EXISTS (SELECT 1 FROM duty_claim c WHERE c.shift_id = #{id})")
    int deleteUnclaimed(@Param("id") long id);

    /** An unclaimed shift with released claims in its history is cancelled instead; 0 rows = claimed meanwhile. */
    @Update("UPDATE duty_shift SET status = 'CANCELLED' WHERE id = #{id} AND taken = 0 AND status = 'OPEN'")
    int cancelUnclaimed(@Param("id") long id);
}
