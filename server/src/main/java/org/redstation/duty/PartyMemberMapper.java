package org.redstation.duty;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code party_member}: joined reads with the organisation's name, the row lock, and the guarded status changes. */
@Mapper
interface PartyMemberMapper extends BaseMapper<PartyMember> {
    /** A registration may name an organisation not listed yet (org_name_given) until staff approve it. */
    String WITH_ORG = "SELECT m.*, COALESCE(o.name, m.org_name_given) AS org_name FROM party_member m "
            + "LEFT JOIN duty_org o ON o.id = m.org_id ";

    @Select(WITH_ORG + "WHERE m.user_id = #{userId}")
    PartyMember findByUser(@Param("userId") long userId);

    @Select(WITH_ORG + "WHERE m.id = #{id}")
    PartyMember findById(@Param("id") long id);

    /**
     * Registrations for staff, newest first (their service minutes come from {@link DutyClaimMapper#serviceMinutes},
     * one statement for the page).
     */
    @Select("<script>" + WITH_ORG + "WHERE 1 = 1"
            + "<if test='communities != null'> AND m.community_id IN "
            + "<foreach item='c' collection='communities' open='(' separator=',' close=')'>#{c}</foreach></if>"
            + "<if test='status != null'> AND m.status = #{status}</if>"
            + " ORDER BY m.id DESC LIMIT 500</script>")
    List<PartyMember> listForStaff(@Param("communities") Collection<Long> communities, @Param("status") MemberStatus status);

    /**
     * Locks the member's row for the transaction (lock order step 3, see {@link ClaimService}); null when the member
     * is gone or, with {@code approvedOnly}, not approved.
     */
    @Select("<script>SELECT id FROM party_member WHERE id = #{id}<if test='approvedOnly'> AND status = 'APPROVED'</if>"
            + " FOR UPDATE</script>")
    Long lock(@Param("id") long id, @Param("approvedOnly") boolean approvedOnly);

    /** Locks several members' rows (ascending ids); answers the ids locked (with approvedOnly: the approved ones). */
    @Select("<script>SELECT id FROM party_member WHERE id IN "
            + "<foreach collection='ids' item='i' open='(' separator=',' close=')'>#{i}</foreach>"
            + "<if test='approvedOnly'> AND status = 'APPROVED'</if> ORDER BY id FOR UPDATE</script>")
    List<Long> lockAll(@Param("ids") Collection<Long> ids, @Param("approvedOnly") boolean approvedOnly);

    /** A rejected registration submitted again; 0 rows = it is pending or approved (no second registration). */
    @Update("UPDATE party_member SET community_id = #{m.communityId}, org_id = #{m.orgId}, org_name_given = #{m.orgNameGiven}, "
            + "name = #{m.name}, "
            + "phone = #{m.phone}, workplace = #{m.workplace}, status = 'PENDING', reject_reason = NULL, reviewed_by = NULL, "
            + "reviewed_at = NULL, created_at = #{now}, updated_at = #{now} WHERE id = #{id} AND status = 'REJECTED'")
    int reapply(@Param("id") long id, @Param("m") PartyMember m, @Param("now") LocalDateTime now);

    /** Approval of a typed organisation: the member joins the organisation staff made of it. */
    @Update("UPDATE party_member SET org_id = #{orgId}, org_name_given = NULL WHERE id = #{id} AND status = 'PENDING'")
    int assignOrg(@Param("id") long id, @Param("orgId") long orgId);

    /** 0 rows = not pending any more (reviewed by someone else). */
    @Update("UPDATE party_member SET status = 'APPROVED', reviewed_by = #{staffId}, reviewed_at = #{now}, updated_at = #{now} "
            + "WHERE id = #{id} AND status = 'PENDING'")
    int approve(@Param("id") long id, @Param("staffId") long staffId, @Param("now") LocalDateTime now);

    /** 0 rows = not pending any more. */
    @Update("UPDATE party_member SET status = 'REJECTED', reject_reason = #{reason}, reviewed_by = #{staffId}, "
            + "reviewed_at = #{now}, updated_at = #{now} WHERE id = #{id} AND status = 'PENDING'")
    int reject(@Param("id") long id, @Param("reason") String reason, @Param("staffId") long staffId,
               @Param("now") LocalDateTime now);
}
