package org.redstation.station;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code community}, with its street's name joined in. */
@Mapper
interface CommunityMapper extends BaseMapper<Community> {
    String JOINED = "SELECT c.*, t.name AS street_name FROM community c JOIN street t ON t.id = c.street_id ";

    @Select(JOINED + "WHERE c.id = #{id}")
    Community findJoined(@Param("id") long id);

    @Select("<script>" + JOINED + "WHERE c.id IN "
            + "<foreach collection='ids' item='id' open='(' separator=',' close=')'>#{id}</foreach> ORDER BY c.id</script>")
    List<Community> findJoinedByIds(@Param("ids") Collection<Long> ids);

    /** Every community with its street (the residents' street → community picker, staff scope lists). */
    @Select(JOINED + "ORDER BY t.id, c.id")
    List<Community> allJoined();

    @Select(JOINED + "WHERE c.street_id = #{streetId} ORDER BY c.name")
    List<Community> ofStreet(@Param("streetId") long streetId);
}
