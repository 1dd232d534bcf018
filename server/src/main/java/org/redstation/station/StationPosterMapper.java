package org.redstation.station;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** {@code station_poster}. */
@Mapper
interface StationPosterMapper extends BaseMapper<StationPoster> {
    /** One poster per station: a new content replaces the old one; two staff rendering at once both succeed. */
    @Insert("INSERT INTO station_poster (station_id, content_key, png, created_at) "
            + "VALUES (#{p.stationId}, #{p.contentKey}, #{p.png}, #{p.createdAt}) "
            + "ON DUPLICATE KEY UPDATE content_key = VALUES(content_key), png = VALUES(png), created_at = VALUES(created_at)")
    int upsert(@Param("p") StationPoster p);
}
