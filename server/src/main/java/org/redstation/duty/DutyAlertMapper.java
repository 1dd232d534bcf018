package org.redstation.duty;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code duty_alert}: written once per (kind, shift) thanks to the unique key. */
@Mapper
interface DutyAlertMapper extends BaseMapper<DutyAlert> {
    @Select("<script>SELECT * FROM duty_alert WHERE 1 = 1"
            + "<if test='communities != null'> AND community_id IN "
            + "<foreach item='c' collection='communities' open='(' separator=',' close=')'>#{c}</foreach></if>"
            + " ORDER BY id DESC LIMIT 200</script>")
    List<DutyAlert> latest(@Param("communities") Collection<Long> communities);
}
