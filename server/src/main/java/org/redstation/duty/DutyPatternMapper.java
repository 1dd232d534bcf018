package org.redstation.duty;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code duty_pattern}: the staff list in one statement (organisation name, future shifts counted). */
@Mapper
interface DutyPatternMapper extends BaseMapper<DutyPattern> {
    String WITH_COUNTS = "SELECT p.*, o.name AS org_name, "
            + "(SELECT COUNT(*) FROM duty_shift s WHERE s.pattern_id = p.id AND s.status = 'OPEN' AND s.start_at &gt; #{now}) AS upcoming, "
            + "(SELECT COUNT(*) FROM duty_shift s WHERE s.pattern_id = p.id AND s.status = 'OPEN' AND s.start_at &gt; #{now} "
            + "AND s.taken &gt; 0) AS upcoming_claimed "
            + "FROM duty_pattern p LEFT JOIN duty_org o ON o.id = p.org_id ";

    @Select("<script>" + WITH_COUNTS + "WHERE p.id = #{id}</script>")
    DutyPattern findView(@Param("id") long id, @Param("now") LocalDateTime now);

    @Select("<script>" + WITH_COUNTS + "WHERE 1 = 1"
            + "<if test='communities != null'> AND p.community_id IN "
            + "<foreach item='c' collection='communities' open='(' separator=',' close=')'>#{c}</foreach></if>"
            + "<if test='stationId != null'> AND p.station_id = #{stationId}</if>"
            + " ORDER BY p.active DESC, p.station_id, p.start_time, p.id LIMIT 500</script>")
    List<DutyPattern> listForStaff(@Param("communities") Collection<Long> communities, @Param("stationId") Long stationId,
                                   @Param("now") LocalDateTime now);

    /** Serialises edits of one pattern (two staff saving at once, or an edit and the hourly extension). */
    @Select("SELECT id FROM duty_pattern WHERE id = #{id} FOR UPDATE")
    Long lock(@Param("id") long id);

    /** Spelled out because updateById skips nulls, and clearing the organisation is a null. */
    @Update("UPDATE duty_pattern SET weekdays = #{p.weekdays}, start_time = #{p.startTime}, end_time = #{p.endTime}, "
            + "role_name = #{p.roleName}, seats = #{p.seats}, org_id = #{p.orgId,jdbcType=BIGINT}, active = #{p.active}, "
            + "updated_at = #{p.updatedAt} WHERE id = #{p.id}")
    int edit(@Param("p") DutyPattern p);

    /** Active patterns not applied yet on {@code today} (a range of idx_duty_pattern_extend_due, V79). */
    @Select("SELECT id FROM duty_pattern WHERE active = 1 AND extend_due <= #{today} ORDER BY id")
    List<Long> dueIds(@Param("today") LocalDate today);

    /** Applied on {@code today}: the horizon moves on again tomorrow. */
    @Update("UPDATE duty_pattern SET extend_due = DATE_ADD(#{today}, INTERVAL 1 DAY) WHERE id = #{id}")
    int applied(@Param("id") long id, @Param("today") LocalDate today);
}
