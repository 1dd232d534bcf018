package org.redstation.chat;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** chat_delivery. A delivery is sent by whoever wins {@link #claim}: one conditional UPDATE, so exactly one sender. */
@Mapper
interface DeliveryMapper extends BaseMapper<DeliveryRow> {
    /** Claims a pending delivery, or one whose sender died (claimed before {@code stuckBefore}). 0 rows = someone else has it. */
    @Update("UPDATE chat_delivery SET status = 'SENDING', claimed_at = #{now}, attempts = attempts + 1 "
            + "WHERE id = #{id} AND (status = 'PENDING' OR (status = 'SENDING' AND claimed_at < #{stuckBefore}))")
    int claim(@Param("id") long id, @Param("now") LocalDateTime now, @Param("stuckBefore") LocalDateTime stuckBefore);

    /** What the sweeper picks up: never started, or a dead sender. */
    @Select("SELECT id FROM chat_delivery WHERE (status = 'PENDING' AND created_at < #{createdBefore}) "
            + "OR (status = 'SENDING' AND claimed_at < #{stuckBefore}) ORDER BY id LIMIT 100")
    List<Long> due(@Param("createdBefore") LocalDateTime createdBefore, @Param("stuckBefore") LocalDateTime stuckBefore);

    @Update("UPDATE chat_delivery SET status = 'SENT', channel = #{channel}, sent_at = #{now}, last_error = NULL "
            + "WHERE id = #{id} AND status = 'SENDING'")
    int sent(@Param("id") long id, @Param("channel") DeliveryChannel channel, @Param("now") LocalDateTime now);

    /** After a failed attempt: PENDING (retried by the sweeper) or FAILED. */
    @Update("UPDATE chat_delivery SET status = #{status}, last_error = #{error} WHERE id = #{id} AND status = 'SENDING'")
    int failed(@Param("id") long id, @Param("status") DeliveryStatus status, @Param("error") String error);
}
