package org.redstation.booking;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code booking_rule}; inserts and updates through BaseMapper. */
@Mapper
interface RuleMapper extends BaseMapper<Rule> {
    @Select("SELECT * FROM booking_rule WHERE station_id = #{stationId} ORDER BY id")
    List<Rule> ofStation(@Param("stationId") long stationId);

    /**
     * Active rules due for materialisation on {@code today}, by id from {@code afterId} (a range of
     * idx_booking_rule_materialise_due, V78: none in the middle of a day).
     */
    @Select("SELECT * FROM booking_rule WHERE active = 1 AND materialise_due <= #{today} AND id > #{afterId} "
            + "ORDER BY id LIMIT #{limit}")
    List<Rule> dueForSlots(@Param("today") LocalDate today, @Param("afterId") long afterId, @Param("limit") int limit);

    /** The rules were materialised on {@code today} through their horizon: due again tomorrow, when it moves on. */
    @Update("<script>UPDATE booking_rule SET materialised_through = DATE_ADD(#{today}, INTERVAL open_days_ahead DAY), "
            + "materialise_due = DATE_ADD(#{today}, INTERVAL 1 DAY) WHERE id IN "
            + "<foreach collection='ids' item='i' open='(' separator=',' close=')'>#{i}</foreach></script>")
    int materialised(@Param("ids") Collection<Long> ids, @Param("today") LocalDate today);

    /** A changed rule: its whole horizon is materialised again (weekdays, time or horizon may differ). */
    @Update("UPDATE booking_rule SET materialised_through = NULL, materialise_due = '2000-01-01' WHERE id = #{id}")
    int markDue(@Param("id") long id);

    /** A removed closure: the rules of the station (every station: 0) get the reopened day's missing slots. */
    @Update("<script>UPDATE booking_rule SET materialised_through = NULL, materialise_due = '2000-01-01' WHERE active = 1"
            + "<if test='stationId != 0'> AND station_id = #{stationId}</if></script>")
    int markStationDue(@Param("stationId") long stationId);

    /** Locks the rule row while it is rewritten, so two saves of one rule do not interleave. */
    @Select("SELECT * FROM booking_rule WHERE id = #{id} FOR UPDATE")
    Rule lockById(@Param("id") long id);
}
