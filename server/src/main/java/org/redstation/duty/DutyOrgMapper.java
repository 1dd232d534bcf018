package org.redstation.duty;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Collection;
import java.util.List;
import lombok.Data;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code duty_org}: simple finders go through LambdaQueryWrapper in {@link MemberService} and {@link OrgAdmin}. */
@Mapper
interface DutyOrgMapper extends BaseMapper<DutyOrg> {
    /** Spelled out because updateById skips nulls, and clearing the contact is a null. */
    @Update("UPDATE duty_org SET contact_user_id = #{userId} WHERE id = #{id}")
    int setContactUser(@Param("id") long id, @Param("userId") Long userId);

    /**
     * The staff list: organisations of some communities (null = all) with their approved members counted, filtered by a
     * keyword (name, unit or secretary), a kind and active; one statement.
     */
    @Select("<script>SELECT o.*, (SELECT COUNT(*) FROM party_member m WHERE m.org_id = o.id AND m.status = 'APPROVED') "
            + "AS member_count FROM duty_org o WHERE 1 = 1"
            + "<if test='communities != null'> AND o.community_id IN "
            + "<foreach item='c' collection='communities' open='(' separator=',' close=')'>#{c}</foreach></if>"
            + "<if test='keyword != null'> AND (o.name LIKE #{keyword} OR o.unit_name LIKE #{keyword} OR o.secretary LIKE #{keyword})</if>"
            + "<if test='kind != null'> AND o.kind = #{kind}</if>"
            + "<if test='active != null'> AND o.active = #{active}</if>"
            + " ORDER BY o.community_id, FIELD(o.kind, 'COMMUNITY_BRANCH', 'GENERAL_BRANCH', 'UNIT_BRANCH'), o.id LIMIT 2000</script>")
    List<DutyOrg> listForStaff(@Param("communities") Collection<Long> communities, @Param("keyword") String keyword,
                               @Param("kind") OrgKind kind, @Param("active") Boolean active);

    /** Edits what staff may edit; the contact phone only when given (the list shows it masked, so a form cannot resend it). */
    @Update("<script>UPDATE duty_org SET name = #{o.name}, kind = #{o.kind}, unit_name = #{o.unitName}, "
            + "secretary = #{o.secretary}, updated_at = #{o.updatedAt}"
            + "<if test='setPhone'>, contact_phone = #{o.contactPhone}</if> WHERE id = #{o.id}</script>")
    int edit(@Param("o") DutyOrg o, @Param("setPhone") boolean setPhone);

    @Update("UPDATE duty_org SET active = #{active}, updated_at = NOW(3) WHERE id = #{id} AND active <> #{active}")
    int setActive(@Param("id") long id, @Param("active") boolean active);

    /** A branch typed by applicants ("not listed"), with how many pending applications name it. */
    @Data
    class UnlistedRow {
        private Long communityId;
        private String name;
        private Integer applications;
        private java.time.LocalDateTime firstAt;
    }

    @Select("<script>SELECT m.community_id, m.org_name_given AS name, COUNT(*) AS applications, MIN(m.created_at) AS first_at "
            + "FROM party_member m WHERE m.org_id IS NULL AND m.status = 'PENDING'"
            + "<if test='communities != null'> AND m.community_id IN "
            + "<foreach item='c' collection='communities' open='(' separator=',' close=')'>#{c}</foreach></if>"
            + " GROUP BY m.community_id, m.org_name_given ORDER BY first_at LIMIT 500</script>")
    List<UnlistedRow> unlisted(@Param("communities") Collection<Long> communities);

    /** Pending applications that typed {@code given} join the organisation; the typed name is dropped once it is listed. */
    @Update("UPDATE party_member SET org_id = #{orgId}, org_name_given = NULL WHERE community_id = #{communityId} "
            + "AND org_id IS NULL AND org_name_given = #{given} AND status = 'PENDING'")
    int joinUnlisted(@Param("communityId") long communityId, @Param("given") String given, @Param("orgId") long orgId);
}
