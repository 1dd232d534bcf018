package org.redstation.booking;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code booking_rule}; inserts and updates through BaseMapper. */
@Mapper
interface RuleMapper extends BaseMapper<Rule> {
    @Select("SELECT * FROM booking_rule WHERE station_id = #{stationId} ORDER BY id")
    List<Rule> ofStation(@Param("stationId") long stationId);

    @Select("SELECT * FROM booking_rule WHERE active = 1 ORDER BY id")
    List<Rule> allActive();

    /** Locks the rule row while it is rewritten, so two saves of one rule do not interleave. */
    @Select("SELECT * FROM booking_rule WHERE id = #{id} FOR UPDATE")
    Rule lockById(@Param("id") long id);
}
