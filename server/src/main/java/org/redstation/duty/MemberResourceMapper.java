package org.redstation.duty;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Collection;
import java.util.List;
import lombok.Data;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code member_resource}: the resource lists with the member's and organisation's names, one statement per page. */
@Mapper
interface MemberResourceMapper extends BaseMapper<MemberResource> {
    String WITH_NAMES = "SELECT r.id, r.category, r.description, r.created_at, r.member_id, m.community_id, m.org_id, "
            + "m.name AS member_name, o.name AS org_name "
            + "FROM member_resource r JOIN party_member m ON m.id = r.member_id LEFT JOIN duty_org o ON o.id = m.org_id ";

    @Data
    class ResourceRow {
        private Long id;
        private ResourceCategory category;
        private String description;
        private String memberName;
        private String orgName;
        private Long memberId;
        private Long communityId;
        private Long orgId;
        private java.time.LocalDateTime createdAt;
    }

    /** A resource-list category of an approved member, with who it belongs to (for the wish assignee directory). */
    @Data
    class SkillRow {
        private Long userId;
        private Long orgId;
        private ResourceCategory category;
    }

    /** Approved members' categories in a community (or of one user when {@code userId} is set): one statement. */
    @Select("<script>SELECT DISTINCT m.user_id, m.org_id, r.category FROM member_resource r "
            + "JOIN party_member m ON m.id = r.member_id WHERE m.status = 'APPROVED'"
            + "<if test='communityId != null'> AND m.community_id = #{communityId}</if>"
            + "<if test='orgId != null'> AND m.org_id = #{orgId}</if>"
            + "<if test='userId != null'> AND m.user_id = #{userId}</if></script>")
    List<SkillRow> skills(@Param("communityId") Long communityId, @Param("orgId") Long orgId, @Param("userId") Long userId);

    @Select(WITH_NAMES + "WHERE r.member_id = #{memberId} ORDER BY r.id")
    List<ResourceRow> ofMember(@Param("memberId") long memberId);

    /**
     * Approved members' resources for dispatch and export, optionally of some communities, one category, one
     * organisation and a keyword in the description or the organisation's name; one statement.
     */
    @Select("<script>" + WITH_NAMES + "WHERE m.status = 'APPROVED'"
            + "<if test='communities != null'> AND m.community_id IN "
            + "<foreach item='c' collection='communities' open='(' separator=',' close=')'>#{c}</foreach></if>"
            + "<if test='category != null'> AND r.category = #{category}</if>"
            + "<if test='orgId != null'> AND m.org_id = #{orgId}</if>"
            + "<if test='keyword != null'> AND (r.description LIKE #{keyword} OR o.name LIKE #{keyword})</if>"
            + " ORDER BY m.community_id, r.category, r.id LIMIT 5000</script>")
    List<ResourceRow> forStaff(@Param("communities") Collection<Long> communities,
                               @Param("category") ResourceCategory category, @Param("orgId") Long orgId,
                               @Param("keyword") String keyword);
}
