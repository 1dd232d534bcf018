package org.redstation.wish;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface WishProjectMapper extends BaseMapper<WishProject> {

    /** Service projects per community created in [from, to), and how many are completed (every need in them done). */
    @Select("<script>SELECT p.community_id AS community, COUNT(*) AS projects, "
            + "SUM(CASE WHEN x.n &gt; 0 AND x.done = x.n THEN 1 ELSE 0 END) AS projects_completed FROM wish_project p "
            + "LEFT JOIN (SELECT project_id, COUNT(*) AS n, SUM(CASE WHEN state IN ('COMPLETED','CLOSED') THEN 1 ELSE 0 END) AS done "
            + "FROM wish WHERE project_id IS NOT NULL AND state NOT IN ('MERGED','CANCELLED') GROUP BY project_id) x ON x.project_id = p.id "
            + "WHERE 1 = 1 <if test='from != null'>AND p.created_at &gt;= #{from} </if><if test='to != null'>AND p.created_at &lt; #{to} </if>"
            + "<if test='communities != null'>AND p.community_id IN <foreach collection='communities' item='c' open='(' separator=',' close=')'>#{c}</foreach> </if>GROUP BY p.community_id</script>")
    List<java.util.Map<String, Object>> figuresByCommunity(@Param("from") java.time.LocalDateTime from,
                                                         @Param("to") java.time.LocalDateTime to,
                                                         @Param("communities") java.util.Collection<Long> communities);
}
