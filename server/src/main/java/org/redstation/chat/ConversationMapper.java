package org.redstation.chat;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
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
}
