package org.redstation.notify;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/** notify_outbox. Claims are single conditional UPDATEs: with several instances each row is sent by one. */
@Mapper
interface OutboxMapper extends BaseMapper<OutboxRow> {

    /** Many rows in one statement (a coalesced batch of bookings); a dedup key already there fails the whole statement. */
    @Insert("<script>INSERT INTO notify_outbox (dedup_key, user_id, template, page, data_json, status, attempts, next_attempt_at, "
            + "created_at) VALUES <foreach collection='rows' item='r' separator=','>(#{r.dedupKey}, #{r.userId}, #{r.template}, "
            + "#{r.page}, #{r.dataJson}, #{r.status}, #{r.attempts}, #{r.nextAttemptAt}, #{r.createdAt})</foreach></script>")
    int insertAll(@Param("rows") List<OutboxRow> rows);

    /** Claims up to {@code batch} due rows for {@code claim}; the rows are then read back by claim. */
    @Update("UPDATE notify_outbox SET status = 'SENDING', claimed_by = #{claim}, claimed_at = #{now} "
            + "WHERE status = 'PENDING' AND next_attempt_at <= #{now} ORDER BY id LIMIT #{batch}")
    int claimDue(@Param("claim") String claim, @Param("now") LocalDateTime now, @Param("batch") int batch);

    /** Puts a claimed row back for a later attempt. */
    @Update("UPDATE notify_outbox SET status = 'PENDING', attempts = #{attempts}, last_error = #{error}, "
            + "next_attempt_at = #{next}, claimed_by = NULL WHERE id = #{id} AND status = 'SENDING'")
    int retryLater(@Param("id") long id, @Param("attempts") int attempts, @Param("error") String error,
                   @Param("next") LocalDateTime next);

    /** Ends a claimed row with a final status (SENT, REFUSED or FAILED). */
    @Update("UPDATE notify_outbox SET status = #{status}, attempts = #{attempts}, last_error = #{error}, sent_at = #{sentAt} "
            + "WHERE id = #{id} AND status = 'SENDING'")
    int finish(@Param("id") long id, @Param("status") OutboxStatus status, @Param("attempts") int attempts,
               @Param("error") String error, @Param("sentAt") LocalDateTime sentAt);

    /** Ends several claimed rows that were never sent (no user, no acceptance) with one statement. */
    @Update("<script>UPDATE notify_outbox SET status = #{status}, attempts = attempts + 1, last_error = #{error}, sent_at = NULL "
            + "WHERE id IN <foreach collection='ids' item='i' open='(' separator=',' close=')'>#{i}</foreach> "
            + "AND status = 'SENDING'</script>")
    int finishAll(@Param("ids") Collection<Long> ids, @Param("status") OutboxStatus status, @Param("error") String error);

    /** Claims older than {@code before} belong to an instance that died while sending: make them due again. */
    @Update("UPDATE notify_outbox SET status = 'PENDING', claimed_by = NULL WHERE status = 'SENDING' AND claimed_at < #{before}")
    int releaseStuck(@Param("before") LocalDateTime before);

    /** A staff retry: a FAILED row is due again with a fresh set of attempts; 0 rows = not (or no longer) FAILED. */
    @Update("UPDATE notify_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = #{now}, claimed_by = NULL "
            + "WHERE id = #{id} AND status = 'FAILED'")
    int retryFailed(@Param("id") long id, @Param("now") LocalDateTime now);

    /** Retention: finished rows created before {@code before}, oldest first, at most {@code batch}. */
    @Delete("<script>DELETE FROM notify_outbox WHERE created_at &lt; #{before} AND status IN "
            + "<foreach item='s' collection='finals' open='(' separator=',' close=')'>#{s}</foreach> "
            + "ORDER BY created_at LIMIT #{batch}</script>")
    int deleteFinishedBefore(@Param("before") LocalDateTime before, @Param("finals") Collection<String> finals,
                             @Param("batch") int batch);
}
