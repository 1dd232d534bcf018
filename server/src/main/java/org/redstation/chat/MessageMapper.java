package org.redstation.chat;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface MessageMapper extends BaseMapper<MessageRow> {
    /** Moves the messages written before the resident named their community into the conversation. */
    @Update("UPDATE chat_message SET conversation_id = #{conversationId} WHERE openid = #{openid} AND conversation_id IS NULL "
            + "AND bot_handled = 0")
    int adopt(@Param("openid") String openid, @Param("conversationId") long conversationId);

    /** The resident's thread (bot and staff), newest first, before message {@code before}: one page. */
    @Select("SELECT * FROM chat_message WHERE openid = #{openid} AND id < #{before} ORDER BY id DESC LIMIT #{size}")
    List<MessageRow> thread(@Param("openid") String openid, @Param("before") long before, @Param("size") int size);

    /** Retention: messages created before {@code before}, oldest first, at most {@code batch}. */
    @org.apache.ibatis.annotations.Delete("DELETE FROM chat_message WHERE created_at < #{before} ORDER BY created_at LIMIT #{batch}")
    int deleteBefore(@Param("before") java.time.LocalDateTime before, @Param("batch") int batch);

    @Update("UPDATE chat_message SET delivery = #{delivery}, delivery_error = #{error} WHERE id = #{id}")
    int setDelivery(@Param("id") long id, @Param("delivery") MessageDelivery delivery, @Param("error") String error);

    /** The last message of each conversation, one statement for any number of conversations. */
    @Select("<script>SELECT m.* FROM chat_message m JOIN (SELECT MAX(id) AS id FROM chat_message WHERE conversation_id IN "
            + "<foreach item='c' collection='ids' open='(' separator=',' close=')'>#{c}</foreach> "
            + "GROUP BY conversation_id) last ON last.id = m.id</script>")
    List<MessageRow> lastOf(@Param("ids") Collection<Long> conversationIds);
}
