package org.redstation.chat;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
interface ConversationMapper extends BaseMapper<ConversationRow> {
    /** 0 rows = closed meanwhile. */
    @Update("UPDATE chat_conversation SET assigned_staff_id = #{staffId} WHERE id = #{id} AND status = 'OPEN'")
    int assign(@Param("id") long id, @Param("staffId") long staffId);

    /** Closing frees open_key, so the resident's next message opens a new conversation. 0 rows = closed already. */
    @Update("UPDATE chat_conversation SET status = 'CLOSED', open_key = NULL, closed_at = #{now}, closed_by = #{staffId} "
            + "WHERE id = #{id} AND status = 'OPEN'")
    int close(@Param("id") long id, @Param("staffId") long staffId, @Param("now") LocalDateTime now);

    @Update("UPDATE chat_conversation SET last_message_at = #{now} WHERE id = #{id}")
    int touch(@Param("id") long id, @Param("now") LocalDateTime now);

    /** A resident message: the conversation waits for staff from now, unless it already waits. */
    @Update("UPDATE chat_conversation SET last_message_at = #{now}, waiting_since = COALESCE(waiting_since, #{now}) WHERE id = #{id}")
    int residentWrote(@Param("id") long id, @Param("now") LocalDateTime now);

    /** A staff reply: nothing waits any more, escalation starts again from the community. */
    @Update("UPDATE chat_conversation SET last_message_at = #{now}, waiting_since = NULL, escalation = 0 WHERE id = #{id}")
    int staffReplied(@Param("id") long id, @Param("now") LocalDateTime now);

    /** Open conversations waiting since before {@code before} at escalation level {@code level}, oldest first. */
    @Select("SELECT * FROM chat_conversation WHERE status = 'OPEN' AND escalation = #{level} AND waiting_since < #{before} "
            + "ORDER BY waiting_since LIMIT 100")
    List<ConversationRow> unanswered(@Param("level") int level, @Param("before") LocalDateTime before);

    /** Moves a conversation one escalation level up; 1 row for exactly one instance, 0 = answered or taken meanwhile. */
    @Update("UPDATE chat_conversation SET escalation = #{level} + 1 WHERE id = #{id} AND status = 'OPEN' "
            + "AND escalation = #{level} AND waiting_since < #{before}")
    int escalate(@Param("id") long id, @Param("level") int level, @Param("before") LocalDateTime before);
}
