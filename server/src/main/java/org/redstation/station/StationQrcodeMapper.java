package org.redstation.station;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** {@code station_qrcode}. */
@Mapper
interface StationQrcodeMapper extends BaseMapper<StationQrcode> {
    /** Two staff asking at once both store a code; the later one wins, no duplicate-key error. */
    @Insert("INSERT INTO station_qrcode (station_id, scene, page, png, created_at) "
            + "VALUES (#{q.stationId}, #{q.scene}, #{q.page}, #{q.png}, #{q.createdAt}) "
            + "ON DUPLICATE KEY UPDATE scene = VALUES(scene), page = VALUES(page), png = VALUES(png), "
            + "created_at = VALUES(created_at)")
    int upsert(@Param("q") StationQrcode q);
}
