package org.redstation.notify;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.InsertProvider;
import org.redstation.common.MultiRowInsert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/**
 * notify_outbox. Claims are single conditional UPDATEs: with several instances each row is sent by one; every later
 * step names the claim, so an instance whose claim expired cannot start, retry or finish a row someone else took.
 */
@Mapper
interface OutboxMapper extends BaseMapper<OutboxRow> {

    /** Many rows in one statement (a coalesced batch of bookings); a dedup key already there fails the whole statement. */
    @InsertProvider(type = MultiRowInsert.class, method = "sql")
    @MultiRowInsert.Into(table = "notify_outbox", columns = {"dedup_key", "user_id", "template", "page", "data_json", "status", "attempts", "next_attempt_at",
                    "created_at"},
            properties = {"dedupKey", "userId", "template", "page", "dataJson", "status", "attempts", "nextAttemptAt",
                    "createdAt"})
    int insertAll(@Param("rows") List<OutboxRow> rows);

    /**
     * Claims up to {@code batch} due rows for {@code claim}, longest due first; the rows are then read back by claim.
     * The ORDER BY is the due index's whole key (status, next_attempt_at, id), so the claim reads {@code batch} index
     * entries. Without {@code status} (or with ORDER BY id) MariaDB sorted every due row for each claim (the literal's
     * collation, utf8mb4_general_ci, is not the column's): 24 ms a claim behind a 25,000-message rush, against 0.5 ms.
     */
    @Update("UPDATE notify_outbox SET status = 'SENDING', claimed_by = #{claim}, claimed_at = #{now}, sent_at = NULL "
            + "WHERE status = 'PENDING' AND next_attempt_at <= #{now} ORDER BY status, next_attempt_at, id LIMIT #{batch}")
    int claimDue(@Param("claim") String claim, @Param("now") LocalDateTime now, @Param("batch") int batch);

    /**
     * Starts the send of one claimed row: only while the claim is still {@code claim} (a claim that expired and was
     * taken over is not ours any more), renewing the lease; {@code sent_at} marks "WeChat may have it" from here
     * on. 0 rows = not ours: do not send.
     */
    @Update("UPDATE notify_outbox SET claimed_at = #{now}, sent_at = #{now} "
            + "WHERE id = #{id} AND claimed_by = #{claim} AND status = 'SENDING' AND sent_at IS NULL")
    int start(@Param("id") long id, @Param("claim") String claim, @Param("now") LocalDateTime now);

    /**
     * Puts a claimed row back for a later attempt (WeChat certainly did not deliver it). Only the claim's owner, and
     * also over an "outcome unknown" verdict another instance gave its expired claim (the owner knows better).
     */
    @Update("UPDATE notify_outbox SET status = 'PENDING', attempts = #{attempts}, last_error = #{error}, "
            + "next_attempt_at = #{next}, claimed_by = NULL, sent_at = NULL "
            + "WHERE id = #{id} AND claimed_by = #{claim} AND status IN ('SENDING', 'FAILED')")
    int retryLater(@Param("id") long id, @Param("claim") String claim, @Param("attempts") int attempts,
                   @Param("error") String error, @Param("next") LocalDateTime next);

    /** Ends a claimed row with a final status (SENT, REFUSED, NO_CONSENT or FAILED); the same owner rule as retryLater. */
    @Update("UPDATE notify_outbox SET status = #{status}, attempts = #{attempts}, last_error = #{error}, sent_at = #{sentAt} "
            + "WHERE id = #{id} AND claimed_by = #{claim} AND status IN ('SENDING', 'FAILED')")
    int finish(@Param("id") long id, @Param("claim") String claim, @Param("status") OutboxStatus status,
               @Param("attempts") int attempts, @Param("error") String error, @Param("sentAt") LocalDateTime sentAt);

    /** Expired claims whose send had not started (the instance died or stalled before it): due again. */
    @Update("UPDATE notify_outbox SET status = 'PENDING', claimed_by = NULL "
            + "WHERE status = 'SENDING' AND claimed_at < #{before} AND sent_at IS NULL")
    int releaseStuck(@Param("before") LocalDateTime before);

    /**
     * Expired claims whose send had started: WeChat may have delivered them and offers no idempotency key, so
     * they are never sent again automatically (at most once); FAILED with the reason, for an administrator to
     * decide. {@code claimed_by} stays: a late verdict of the owner still wins.
     */
    @Update("UPDATE notify_outbox SET status = 'FAILED', attempts = attempts + 1, last_error = #{error} "
            + "WHERE status = 'SENDING' AND claimed_at < #{before} AND sent_at IS NOT NULL")
    int giveUpStarted(@Param("before") LocalDateTime before, @Param("error") String error);

    /** A staff retry: a FAILED row is due again with a fresh set of attempts; 0 rows = not (or no longer) FAILED. */
    @Update("UPDATE notify_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = #{now}, claimed_by = NULL, "
            + "sent_at = NULL WHERE id = #{id} AND status = 'FAILED'")
    int retryFailed(@Param("id") long id, @Param("now") LocalDateTime now);

    /** Retention: finished rows created before {@code before}, oldest first, at most {@code batch}. */
    @Delete("<script>DELETE FROM notify_outbox WHERE created_at &lt; #{before} AND status IN "
            + "<foreach item='s' collection='finals' open='(' separator=',' close=')'>#{s}</foreach> "
            + "ORDER BY created_at LIMIT #{batch}</script>")
    int deleteFinishedBefore(@Param("before") LocalDateTime before, @Param("finals") Collection<String> finals,
                             @Param("batch") int batch);
}
