package org.redstation.booking;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code booking_rule_service}: which catalogue services a rule takes bookings for. */
@Mapper
interface RuleServiceMapper extends BaseMapper<RuleService> {
    /** The links of these rules (one statement for a whole slot list). */
    @Select("<script>SELECT rule_id, service_id FROM booking_rule_service WHERE rule_id IN "
            + "<foreach collection='ruleIds' item='r' open='(' separator=',' close=')'>#{r}</foreach> ORDER BY rule_id, service_id</script>")
    List<RuleService> ofRules(@Param("ruleIds") Collection<Long> ruleIds);

    @Select("SELECT COUNT(*) FROM booking_rule_service WHERE rule_id = #{ruleId} AND service_id = #{serviceId}")
    int countLink(@Param("ruleId") long ruleId, @Param("serviceId") long serviceId);

    @Delete("DELETE FROM booking_rule_service WHERE rule_id = #{ruleId}")
    int deleteOfRule(@Param("ruleId") long ruleId);
}
