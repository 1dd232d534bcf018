package org.redstation.wish;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface VolunteerActivityMapper extends BaseMapper<VolunteerActivity> {
    /** Takes one place; 0 rows = full, cancelled or started. The database decides, not the caller. */
    @Update("UPDATE volunteer_activity SET taken = taken + 1 WHERE id = #{id} AND status = 'OPEN' "
            + "AND taken < capacity AND start_at > #{now}")
    int takePlace(@Param("id") long id, @Param("now") LocalDateTime now);

    @Update("UPDATE volunteer_activity SET taken = taken - 1 WHERE id = #{id} AND taken > 0")
    int releasePlace(@Param("id") long id);

    /** Claims the reminder of one activity (one instance wins). */
    @Update("UPDATE volunteer_activity SET reminded = 1 WHERE id = #{id} AND reminded = 0")
    int claimReminder(@Param("id") long id);

    /** Activities starting in [from, to) per community with their sign-ups, attendance and minutes credited. */
    @Select("<script>SELECT a.community_id AS community, COUNT(DISTINCT a.id) AS activities, COUNT(s.id) AS signups, "
            + "SUM(CASE WHEN s.checkin_at IS NOT NULL THEN 1 ELSE 0 END) AS attended, COALESCE(SUM(s.minutes), 0) AS minutes "
            + "FROM volunteer_activity a LEFT JOIN volunteer_signup s ON s.activity_id = a.id AND s.status = 'ACTIVE' "
            + "WHERE a.status = 'OPEN' <if test='from != null'>AND a.start_at &gt;= #{from} </if>"
            + "<if test='to != null'>AND a.start_at &lt; #{to} </if>"
            + "<if test='communities != null'>AND a.community_id IN <foreach collection='communities' item='c' open='(' separator=',' close=')'>#{c}</foreach> </if>GROUP BY a.community_id</script>")
    List<java.util.Map<String, Object>> figuresByCommunity(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                                                         @Param("communities") java.util.Collection<Long> communities);

    /** Volunteer minutes credited per month (by check-in time). */
    @Select("<script>SELECT DATE_FORMAT(s.checkin_at, '%Y-%m') AS month, COUNT(*) AS attended, SUM(s.minutes) AS minutes "
            + "FROM volunteer_signup s JOIN volunteer_activity a ON a.id = s.activity_id "
            + "WHERE s.checkin_at &gt;= #{from} AND s.checkin_at &lt; #{to} "
            + "<if test='communities != null'>AND a.community_id IN <foreach collection='communities' item='c' open='(' separator=',' close=')'>#{c}</foreach> </if>GROUP BY DATE_FORMAT(s.checkin_at, '%Y-%m')</script>")
    List<java.util.Map<String, Object>> minutesByMonth(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                                                     @Param("communities") java.util.Collection<Long> communities);
}
