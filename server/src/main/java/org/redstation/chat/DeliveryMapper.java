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

    /** What the sweeper picks up: due rows (never started, or a retry whose back-off has passed), or a dead sender. */
    @Select("SELECT id FROM chat_delivery WHERE (status = 'PENDING' AND next_attempt_at <= #{now}) "
            + "OR (status = 'SENDING' AND claimed_at < #{stuckBefore}) ORDER BY id LIMIT #{limit}")
    List<Long> due(@Param("now") LocalDateTime now, @Param("stuckBefore") LocalDateTime stuckBefore, @Param("limit") int limit);

    @Update("UPDATE chat_delivery SET status = 'SENT', channel = #{channel}, sent_at = #{now}, last_error = NULL "
            + "WHERE id = #{id} AND status = 'SENDING'")
    int sent(@Param("id") long id, @Param("channel") DeliveryChannel channel, @Param("now") LocalDateTime now);

    /** After a failed attempt: PENDING (retried by the sweeper from {@code next}) or FAILED. */
    @Update("UPDATE chat_delivery SET status = #{status}, last_error = #{error}, next_attempt_at = #{next} "
            + "WHERE id = #{id} AND status = 'SENDING'")
    int failed(@Param("id") long id, @Param("status") DeliveryStatus status, @Param("error") String error,
               @Param("next") LocalDateTime next);

    /** A staff retry: a FAILED delivery is due again with a fresh set of attempts; 0 rows = not (or no longer) FAILED. */
    @Update("UPDATE chat_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = #{now} WHERE id = #{id} AND status = 'FAILED'")
    int retryFailed(@Param("id") long id, @Param("now") LocalDateTime now);

    /** Staff list: the latest deliveries of a status in some communities (null = all), with the conversation's community. */
    @Select("<script>SELECT d.id, d.kind, d.to_openid, d.content, d.message_id, d.conversation_id, d.status, d.channel, "
            + "d.attempts, d.next_attempt_at, d.last_error, d.created_at, d.sent_at, c.community_id "
            + "FROM chat_delivery d LEFT JOIN chat_conversation c ON c.id = d.conversation_id WHERE d.status = #{status}"
            + "<if test='communities != null'> AND c.community_id IN "
            + "<foreach item='x' collection='communities' open='(' separator=',' close=')'>#{x}</foreach></if>"
            + " ORDER BY d.id DESC LIMIT 100</script>")
    List<StaffDeliveryRow> forStaff(@Param("status") DeliveryStatus status,
                                    @Param("communities") java.util.Collection<Long> communities);

    /** A delivery with its conversation's community (null for notices outside a conversation). */
    @Select("SELECT d.id, d.kind, d.to_openid, d.content, d.message_id, d.conversation_id, d.status, d.channel, "
            + "d.attempts, d.next_attempt_at, d.last_error, d.created_at, d.sent_at, c.community_id "
            + "FROM chat_delivery d LEFT JOIN chat_conversation c ON c.id = d.conversation_id WHERE d.id = #{id}")
    StaffDeliveryRow oneForStaff(@Param("id") long id);

    @lombok.Data
    class StaffDeliveryRow {
        private Long id;
        private DeliveryKind kind;
        private String toOpenid;
        private String content;
        private Long messageId;
        private Long conversationId;
        private DeliveryStatus status;
        private DeliveryChannel channel;
        private int attempts;
        private LocalDateTime nextAttemptAt;
        private String lastError;
        private LocalDateTime createdAt;
        private LocalDateTime sentAt;
        private Long communityId;
    }

    /** Retention: deliveries created before {@code before}, oldest first, at most {@code batch}; never one in flight. */
    @org.apache.ibatis.annotations.Delete("DELETE FROM chat_delivery WHERE created_at < #{before} AND status <> 'SENDING' "
            + "ORDER BY created_at LIMIT #{batch}")
    int deleteBefore(@Param("before") LocalDateTime before, @Param("batch") int batch);
}
