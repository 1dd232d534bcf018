package org.redstation.station;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code station_audit}. */
@Mapper
interface StationAuditMapper extends BaseMapper<StationAuditRow> {
    @Select("SELECT * FROM station_audit WHERE station_id = #{stationId} ORDER BY id DESC LIMIT #{limit}")
    List<StationAuditRow> latestOf(@Param("stationId") long stationId, @Param("limit") int limit);
}
