package org.redstation.wish;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
interface VolunteerSignupMapper extends BaseMapper<VolunteerSignup> {
    /** 0 rows = not active any more (cancelled twice at once: one wins). */
    @Update("UPDATE volunteer_signup SET status = 'CANCELLED', active_user = NULL, updated_at = #{now} "
            + "WHERE id = #{id} AND status = 'ACTIVE' AND checkin_at IS NULL")
    int cancel(@Param("id") long id, @Param("now") LocalDateTime now);

    /** Credits the hours once: 0 rows = already checked in. */
    @Update("UPDATE volunteer_signup SET checkin_at = #{now}, minutes = #{minutes}, updated_at = #{now} "
            + "WHERE id = #{id} AND status = 'ACTIVE' AND checkin_at IS NULL")
    int checkIn(@Param("id") long id, @Param("minutes") int minutes, @Param("now") LocalDateTime now);

    /** Minutes credited per user (checked-in sign-ups only). */
    @org.apache.ibatis.annotations.Select("<script>SELECT user_id, SUM(minutes) AS minutes FROM volunteer_signup "
            + "WHERE checkin_at IS NOT NULL AND user_id IN "
            + "<foreach collection='users' item='u' open='(' separator=',' close=')'>#{u}</foreach> GROUP BY user_id</script>")
    java.util.List<java.util.Map<String, Object>> minutesOf(@Param("users") java.util.Collection<Long> users);
}
