package org.redstation.wish;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code wish}. Every state change is {@link #transition}: 0 rows = someone else changed it first. */
@Mapper
interface WishMapper extends BaseMapper<Wish> {

    /**
     * Writes a transition computed from the row as read: only if it is still in state {@code from} at
     * {@code version}, so of two concurrent transitions exactly one wins. The escalation level is
     * kept while the state stays (escalation runs beside transitions) and starts again at 0 with a new state.
     */
    @Update("UPDATE wish SET escalation_level = CASE WHEN #{from} = #{w.state} THEN escalation_level ELSE 0 END, "
            + "state = #{w.state}, version = version + 1, state_since = #{w.stateSince}, "
            + "project_id = #{w.projectId}, merged_into = #{w.mergedInto}, assignee_kind = #{w.assigneeKind}, "
            + "assignee_id = #{w.assigneeId}, assignee_user_id = #{w.assigneeUserId}, assignee_name = #{w.assigneeName}, "
            + "dispatched_at = #{w.dispatchedAt}, accepted_at = #{w.acceptedAt}, completed_at = #{w.completedAt}, "
            + "closed_at = #{w.closedAt}, completion_note = #{w.completionNote}, rating = #{w.rating}, "
            + "rating_comment = #{w.ratingComment}, updated_at = #{w.updatedAt} "
            + "WHERE id = #{w.id} AND state = #{from} AND version = #{version}")
    int transition(@Param("w") Wish w, @Param("from") WishState from, @Param("version") int version);

    /** Raises the escalation level by one step: 0 rows = another instance (or an earlier run) did it. */
    @Update("UPDATE wish SET escalation_level = #{to}, updated_at = #{now} "
            + "WHERE id = #{id} AND escalation_level = #{from} AND state = #{state}")
    int escalate(@Param("id") long id, @Param("state") WishState state, @Param("from") int from, @Param("to") int to,
                 @Param("now") LocalDateTime now);

    /** Completed items in that state since before {@code before} whose completion was not reminded to rate yet. */
    @Select("SELECT * FROM wish WHERE state = 'COMPLETED' AND state_since < #{before} "
            + "AND (rate_reminded_version IS NULL OR rate_reminded_version <> version) ORDER BY id LIMIT 200")
    List<Wish> dueForRateReminder(@Param("before") LocalDateTime before);

    /** Claims the "please rate" reminder of this completion: 0 rows = another instance (or an earlier run) has it. */
    @Update("UPDATE wish SET rate_reminded_version = version WHERE id = #{id} AND state = 'COMPLETED' "
            + "AND version = #{version} AND (rate_reminded_version IS NULL OR rate_reminded_version <> version)")
    int claimRateReminder(@Param("id") long id, @Param("version") int version);

    /** The row as it is, locked until commit (serialises completion-photo uploads of one item). */
    @Select("SELECT * FROM wish WHERE id = #{id} FOR UPDATE")
    Wish lock(@Param("id") long id);

    /** One more photo, at most {@code max}: the database decides. */
    @Update("UPDATE wish SET photo_count = photo_count + 1 WHERE id = #{id} AND photo_count < #{max}")
    int takePhotoSlot(@Param("id") long id, @Param("max") int max);

    /** Open items whose current state began before {@code before} and are below {@code level}. */
    @Select("<script>SELECT * FROM wish WHERE state IN "
            + "<foreach collection='states' item='s' open='(' separator=',' close=')'>#{s}</foreach> "
            + "AND escalation_level &lt; #{level} AND state_since &lt; #{before} ORDER BY id LIMIT 200</script>")
    List<Wish> dueForEscalation(@Param("states") Collection<WishState> states, @Param("level") int level,
                                @Param("before") LocalDateTime before);

    /** Open items per assignee (current load), one row per assignee. */
    @Select("<script>SELECT assignee_kind AS kind, assignee_id AS id, COUNT(*) AS n FROM wish WHERE state IN "
            + "('DISPATCHED','ACCEPTED') AND assignee_id IS NOT NULL GROUP BY assignee_kind, assignee_id</script>")
    List<AssigneeCount> openLoad();

    /** Items each assignee completed. */
    @Select("SELECT assignee_kind AS kind, assignee_id AS id, COUNT(*) AS n FROM wish WHERE state IN ('COMPLETED','CLOSED') "
            + "AND assignee_id IS NOT NULL GROUP BY assignee_kind, assignee_id")
    List<AssigneeCount> completions();

    record AssigneeCount(AssigneeKind kind, Long id, Long n) {
    }

    String DONE = "('COMPLETED','CLOSED')";

    /** Figures per community of the needs posted in [from, to) (merged duplicates are not counted). */
    @Select("<script>SELECT community_id AS community, COUNT(*) AS collected, "
            + "SUM(CASE WHEN state IN " + DONE + " THEN 1 ELSE 0 END) AS completed, "
            + "SUM(CASE WHEN state IN ('SUBMITTED','DISPATCHED','ACCEPTED') THEN 1 ELSE 0 END) AS open_items, "
            + "SUM(CASE WHEN state = 'CANCELLED' THEN 1 ELSE 0 END) AS cancelled, "
            + "SUM(CASE WHEN escalation_level &gt; 0 THEN 1 ELSE 0 END) AS escalated, "
            + "AVG(CASE WHEN completed_at IS NOT NULL THEN TIMESTAMPDIFF(MINUTE, created_at, completed_at) END) AS completion_minutes, "
            + "AVG(rating) AS rating, COUNT(rating) AS rated, SUM(CASE WHEN rating &gt;= 4 THEN 1 ELSE 0 END) AS satisfied "
            + "FROM wish WHERE state &lt;&gt; 'MERGED' <if test='from != null'>AND created_at &gt;= #{from} </if>"
            + "<if test='to != null'>AND created_at &lt; #{to} </if>"
            + "<if test='communities != null'>AND community_id IN <foreach collection='communities' item='c' open='(' separator=',' close=')'>#{c}</foreach> </if>GROUP BY community_id</script>")
    List<java.util.Map<String, Object>> figuresByCommunity(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                                                         @Param("communities") Collection<Long> communities);

    /** Needs posted per month. */
    @Select("<script>SELECT DATE_FORMAT(created_at, '%Y-%m') AS month, COUNT(*) AS collected FROM wish "
            + "WHERE state &lt;&gt; 'MERGED' AND created_at &gt;= #{from} AND created_at &lt; #{to} "
            + "<if test='communities != null'>AND community_id IN <foreach collection='communities' item='c' open='(' separator=',' close=')'>#{c}</foreach> </if>GROUP BY DATE_FORMAT(created_at, '%Y-%m')</script>")
    List<java.util.Map<String, Object>> collectedByMonth(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                                                       @Param("communities") Collection<Long> communities);

    /** Needs completed per month (by completion time), their average completion time and rating. */
    @Select("<script>SELECT DATE_FORMAT(completed_at, '%Y-%m') AS month, COUNT(*) AS completed, "
            + "AVG(TIMESTAMPDIFF(MINUTE, created_at, completed_at)) AS completion_minutes, AVG(rating) AS rating "
            + "FROM wish WHERE state IN " + DONE + " AND completed_at &gt;= #{from} AND completed_at &lt; #{to} "
            + "<if test='communities != null'>AND community_id IN <foreach collection='communities' item='c' open='(' separator=',' close=')'>#{c}</foreach> </if>GROUP BY DATE_FORMAT(completed_at, '%Y-%m')</script>")
    List<java.util.Map<String, Object>> completedByMonth(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                                                       @Param("communities") Collection<Long> communities);
}
