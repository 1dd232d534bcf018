package org.redstation.wish;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
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
}
