package org.redstation.station;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** {@code station_service} (key station_id + service_id). */
@Mapper
interface StationOfferMapper extends BaseMapper<StationOffer> {
    /** A station's whole list in one statement (the list is never empty). */
    @Insert("<script>INSERT INTO station_service (station_id, service_id, sort_order, note, hours) VALUES "
            + "<foreach collection='rows' item='o' separator=','>"
            + "(#{o.stationId}, #{o.serviceId}, #{o.sortOrder}, #{o.note}, #{o.hours})</foreach></script>")
    int insertAll(@Param("rows") List<StationOffer> rows);
}
