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

    /** Retention: the detail (old and new values) of rows created before {@code before} is cleared; who/when/what stays. */
    @org.apache.ibatis.annotations.Update("UPDATE station_audit SET detail = NULL WHERE created_at < #{before} "
            + "AND detail IS NOT NULL ORDER BY created_at LIMIT #{batch}")
    int clearDetailBefore(@Param("before") java.time.LocalDateTime before, @Param("batch") int batch);
}
