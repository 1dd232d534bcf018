package org.redstation.wish;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface VolunteerTeamMapper extends BaseMapper<VolunteerTeam> {

    /** Teams and distinct volunteers per community. */
    @Select("<script>SELECT t.community_id AS community, COUNT(DISTINCT t.id) AS teams, COUNT(DISTINCT m.user_id) AS volunteers "
            + "FROM volunteer_team t LEFT JOIN volunteer_member m ON m.team_id = t.id WHERE 1 = 1 "
            + "<if test='communities != null'>AND t.community_id IN <foreach collection='communities' item='c' open='(' separator=',' close=')'>#{c}</foreach> </if>GROUP BY t.community_id</script>")
    List<java.util.Map<String, Object>> figuresByCommunity(@Param("communities") java.util.Collection<Long> communities);

    /** Distinct volunteers over these communities (someone in two teams counts once). */
    @Select("<script>SELECT COUNT(DISTINCT m.user_id) FROM volunteer_member m JOIN volunteer_team t ON t.id = m.team_id WHERE 1 = 1 "
            + "<if test='communities != null'>AND t.community_id IN <foreach collection='communities' item='c' open='(' separator=',' close=')'>#{c}</foreach> </if></script>")
    long distinctVolunteers(@Param("communities") java.util.Collection<Long> communities);
}
