package org.redstation.station;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import java.util.List;

/** {@code service_item}. */
@Mapper
interface ServiceItemMapper extends BaseMapper<ServiceItem> {
    /** {@code like} is already a LIKE pattern with %, _ and \ escaped. */
    @Select("SELECT * FROM service_item WHERE enabled = 1 AND (name LIKE #{like} OR category LIKE #{like} "
            + "OR description LIKE #{like}) ORDER BY id LIMIT #{limit}")
    List<ServiceItem> search(@Param("like") String like, @Param("limit") int limit);

    /** The services a station offers (enabled or not), in its display order. */
    @Select("SELECT si.* FROM station_service ss JOIN service_item si ON si.id = ss.service_id "
            + "WHERE ss.station_id = #{stationId} ORDER BY ss.sort_order, si.id")
    List<ServiceItem> offeredBy(@Param("stationId") long stationId);

    @Select("SELECT si.* FROM station_service ss JOIN service_item si ON si.id = ss.service_id "
            + "WHERE ss.station_id = #{stationId} AND ss.service_id = #{serviceId}")
    ServiceItem offeredAt(@Param("stationId") long stationId, @Param("serviceId") long serviceId);

    /** Every field, nulls included (updateById would skip a cleared description). */
    @Update("UPDATE service_item SET name = #{s.name}, category = #{s.category}, description = #{s.description}, "
            + "what_to_bring = #{s.whatToBring}, usage_mode = #{s.usageMode}, enabled = #{s.enabled}, updated_at = #{s.updatedAt} WHERE id = #{s.id}")
    int updateAll(@Param("s") ServiceItem s);
}
