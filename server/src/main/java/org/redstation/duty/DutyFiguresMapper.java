package org.redstation.duty;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import lombok.Data;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Read-only GROUP BY statements for the dashboard and the annual review: one statement per figure whatever the number
 * of communities. {@code communities} null = every community.
 */
@Mapper
interface DutyFiguresMapper {
    @Data
    class CountRow {
        private Long communityId;
        private long a;
        private long b;
    }

    /** a = approved (reported) members, b = applications waiting. */
    @Select("<script>SELECT community_id, SUM(status = 'APPROVED') AS a, SUM(status = 'PENDING') AS b FROM party_member "
            + "WHERE 1 = 1" + "<if test='communities != null'> AND community_id IN "
            + "<foreach item='x' collection='communities' open='(' separator=',' close=')'>#{x}</foreach></if>"
            + " GROUP BY community_id</script>")
    List<CountRow> members(@Param("communities") Collection<Long> communities);

    /** a = shifts served (checked out), b = minutes served, by the shift's start in [from, to). */
    @Select("<script>SELECT s.community_id, COUNT(c.id) AS a, COALESCE(SUM(c.minutes), 0) AS b FROM duty_claim c "
            + "JOIN duty_shift s ON s.id = c.shift_id WHERE c.checkout_at IS NOT NULL AND c.start_at &gt;= #{from} "
            + "AND c.start_at &lt; #{to}" + "<if test='communities != null'> AND s.community_id IN "
            + "<foreach item='x' collection='communities' open='(' separator=',' close=')'>#{x}</foreach></if>"
            + " GROUP BY s.community_id</script>")
    List<CountRow> served(@Param("communities") Collection<Long> communities, @Param("from") LocalDateTime from,
                          @Param("to") LocalDateTime to);

    @Data
    class MonthRow {
        private String month;
        private long shifts;
        private long minutes;
    }

    /** Shifts served (checked out) and minutes per month of the shift's start in [from, to). */
    @Select("<script>SELECT DATE_FORMAT(c.start_at, '%Y-%m') AS month, COUNT(c.id) AS shifts, COALESCE(SUM(c.minutes), 0) AS minutes "
            + "FROM duty_claim c JOIN duty_shift s ON s.id = c.shift_id WHERE c.checkout_at IS NOT NULL AND c.start_at &gt;= #{from} "
            + "AND c.start_at &lt; #{to}" + "<if test='communities != null'> AND s.community_id IN "
            + "<foreach item='x' collection='communities' open='(' separator=',' close=')'>#{x}</foreach></if>"
            + " GROUP BY DATE_FORMAT(c.start_at, '%Y-%m')</script>")
    List<MonthRow> servedByMonth(@Param("communities") Collection<Long> communities, @Param("from") LocalDateTime from,
                                 @Param("to") LocalDateTime to);

    /** a = members checked in and not yet out at {@code now}. */
    @Select("<script>SELECT s.community_id, COUNT(*) AS a, 0 AS b FROM duty_claim c JOIN duty_shift s ON s.id = c.shift_id "
            + "WHERE c.status = 'ACTIVE' AND c.checkin_at IS NOT NULL AND c.checkout_at IS NULL AND c.end_at &gt; #{now}"
            + "<if test='communities != null'> AND s.community_id IN "
            + "<foreach item='x' collection='communities' open='(' separator=',' close=')'>#{x}</foreach></if>"
            + " GROUP BY s.community_id</script>")
    List<CountRow> onDuty(@Param("communities") Collection<Long> communities, @Param("now") LocalDateTime now);

    /** a = general branches (党总支), b = other organisations (branches). */
    @Select("<script>SELECT community_id, SUM(kind = 'GENERAL_BRANCH') AS a, SUM(kind &lt;&gt; 'GENERAL_BRANCH') AS b "
            + "FROM duty_org WHERE 1 = 1" + "<if test='communities != null'> AND community_id IN "
            + "<foreach item='x' collection='communities' open='(' separator=',' close=')'>#{x}</foreach></if>"
            + " GROUP BY community_id</script>")
    List<CountRow> orgs(@Param("communities") Collection<Long> communities);

    /** a = resource-list items of approved members. */
    @Select("<script>SELECT m.community_id, COUNT(r.id) AS a, 0 AS b FROM member_resource r "
            + "JOIN party_member m ON m.id = r.member_id WHERE m.status = 'APPROVED'"
            + "<if test='communities != null'> AND m.community_id IN "
            + "<foreach item='x' collection='communities' open='(' separator=',' close=')'>#{x}</foreach></if>"
            + " GROUP BY m.community_id</script>")
    List<CountRow> resources(@Param("communities") Collection<Long> communities);

    /** Service time per approved member for shifts starting in [from, to) (the annual review). */
    @Select("<script>SELECT m.id, m.name, o.name AS org_name, COUNT(c.id) AS shifts, COALESCE(SUM(c.minutes), 0) AS minutes, "
            + DutyClaimMapper.UNVERIFIED_SUM + "FROM party_member m JOIN duty_org o ON o.id = m.org_id LEFT JOIN duty_claim c ON c.member_id = m.id "
            + "AND c.checkout_at IS NOT NULL AND c.start_at &gt;= #{from} AND c.start_at &lt; #{to} WHERE m.status = 'APPROVED'"
            + "<if test='communities != null'> AND m.community_id IN "
            + "<foreach item='x' collection='communities' open='(' separator=',' close=')'>#{x}</foreach></if>"
            + " GROUP BY m.id, m.name, o.name ORDER BY minutes DESC, m.id</script>")
    List<DutyClaimMapper.HoursRow> hoursByMember(@Param("communities") Collection<Long> communities,
                                                 @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);

    /** Service time per organisation (its members' claims) for shifts starting in [from, to). */
    @Select("<script>SELECT o.id, o.name, o.name AS org_name, COUNT(c.id) AS shifts, COALESCE(SUM(c.minutes), 0) AS minutes, "
            + DutyClaimMapper.UNVERIFIED_SUM + "FROM duty_org o LEFT JOIN party_member m ON m.org_id = o.id LEFT JOIN duty_claim c ON c.member_id = m.id "
            + "AND c.checkout_at IS NOT NULL AND c.start_at &gt;= #{from} AND c.start_at &lt; #{to} WHERE 1 = 1"
            + "<if test='communities != null'> AND o.community_id IN "
            + "<foreach item='x' collection='communities' open='(' separator=',' close=')'>#{x}</foreach></if>"
            + " GROUP BY o.id, o.name ORDER BY minutes DESC, o.id</script>")
    List<DutyClaimMapper.HoursRow> hoursByOrg(@Param("communities") Collection<Long> communities,
                                              @Param("from") LocalDateTime from, @Param("to") LocalDateTime to);
}
