package org.redstation.chat;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import lombok.Data;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Read-only GROUP BY statements for the dashboard; {@code communities} null = every community. */
@Mapper
interface ChatFiguresMapper {
    @Data
    class CommunityRow {
        private long communityId;
        private long conversations;
        private long replied;
        private Double avgReplySeconds;
        private long open;
    }

    /** Conversations opened in [from, to): how many got a staff reply, and the mean time to the first one. */
    @Select("<script>SELECT c.community_id, COUNT(*) AS conversations, COUNT(r.first_out) AS replied, "
            + "AVG(TIMESTAMPDIFF(SECOND, c.created_at, r.first_out)) AS avg_reply_seconds, 0 AS open "
            + "FROM chat_conversation c LEFT JOIN (SELECT conversation_id, MIN(created_at) AS first_out FROM chat_message "
            + "WHERE direction = 'OUT' AND conversation_id IS NOT NULL GROUP BY conversation_id) r ON r.conversation_id = c.id "
            + "WHERE c.created_at &gt;= #{from} AND c.created_at &lt; #{to}"
            + "<if test='communities != null'> AND c.community_id IN "
            + "<foreach item='x' collection='communities' open='(' separator=',' close=')'>#{x}</foreach></if>"
            + " GROUP BY c.community_id</script>")
    List<CommunityRow> opened(@Param("communities") Collection<Long> communities, @Param("from") LocalDateTime from,
                              @Param("to") LocalDateTime to);

    /** Conversations waiting now (open), whenever they started. */
    @Select("<script>SELECT community_id, 0 AS conversations, 0 AS replied, NULL AS avg_reply_seconds, COUNT(*) AS open "
            + "FROM chat_conversation WHERE status = 'OPEN'"
            + "<if test='communities != null'> AND community_id IN "
            + "<foreach item='x' collection='communities' open='(' separator=',' close=')'>#{x}</foreach></if>"
            + " GROUP BY community_id</script>")
    List<CommunityRow> openNow(@Param("communities") Collection<Long> communities);
}
