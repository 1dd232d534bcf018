package org.redstation.station;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code station}; reads for residents and lists join the community and street names in the same statement. */
@Mapper
interface StationMapper extends BaseMapper<Station> {
    String JOINED = "SELECT s.*, c.name AS community_name, c.phone AS community_phone, t.name AS street_name "
            + "FROM station s JOIN community c ON c.id = s.community_id JOIN street t ON t.id = c.street_id ";
    String LISTED = "s.status IN <foreach collection='statuses' item='st' open='(' separator=',' close=')'>#{st}</foreach> ";

    @Select(JOINED + "WHERE s.id = #{id}")
    Station findJoined(@Param("id") long id);

    @Select(JOINED + "WHERE s.code = #{code}")
    Station findJoinedByCode(@Param("code") String code);

    @Select("<script>" + JOINED + "WHERE s.id IN "
            + "<foreach collection='ids' item='id' open='(' separator=',' close=')'>#{id}</foreach> ORDER BY s.id</script>")
    List<Station> findJoinedByIds(@Param("ids") Collection<Long> ids);

    /** Stations of these communities (null = all), by id. */
    @Select("<script>" + JOINED + "<where><if test='communities != null'>s.community_id IN "
            + "<foreach collection='communities' item='c' open='(' separator=',' close=')'>#{c}</foreach></if></where> "
            + "ORDER BY s.id</script>")
    List<Station> inCommunities(@Param("communities") Collection<Long> communities);

    /** {@code like} is already a LIKE pattern with %, _ and \ escaped. */
    @Select("<script>" + JOINED + "WHERE " + LISTED
            + "AND (s.name LIKE #{like} OR s.address LIKE #{like} OR c.name LIKE #{like}) ORDER BY s.id LIMIT #{limit}</script>")
    List<Station> search(@Param("like") String like, @Param("statuses") Collection<StationStatus> statuses,
                         @Param("limit") int limit);

    /**
     * The {@code limit} stations nearest a point by a flat-earth estimate (exact enough to rank at city scale), within
     * a latitude/longitude box when one is given (index {@code idx_station_lat_lng}), optionally offering a service.
     * {@code lngScale} is cos²(latitude): a degree of longitude is shorter than one of latitude.
     */
    @Select("<script>" + JOINED + "WHERE " + LISTED
            + "<if test='minLat != null'>AND s.latitude BETWEEN #{minLat} AND #{maxLat} "
            + "AND s.longitude BETWEEN #{minLng} AND #{maxLng} </if>"
            + "<if test='serviceId != null'>AND EXISTS (SELECT 1 FROM station_service ss "
            + "WHERE ss.station_id = s.id AND ss.service_id = #{serviceId}) </if>"
            + "ORDER BY (s.latitude - #{lat}) * (s.latitude - #{lat}) "
            + "+ (s.longitude - #{lng}) * (s.longitude - #{lng}) * #{lngScale}, s.id LIMIT #{limit}</script>")
    List<Station> nearest(@Param("lat") double lat, @Param("lng") double lng, @Param("lngScale") double lngScale,
                          @Param("minLat") Double minLat, @Param("maxLat") Double maxLat,
                          @Param("minLng") Double minLng, @Param("maxLng") Double maxLng,
                          @Param("serviceId") Long serviceId, @Param("statuses") Collection<StationStatus> statuses,
                          @Param("limit") int limit);

    /** Serialises staff edits of one station: the row as it is, locked until commit. */
    @Select("SELECT * FROM station WHERE id = #{id} FOR UPDATE")
    Station lock(@Param("id") long id);

    /** 0 rows = the station changed since {@code version} was read. */
    @Update("UPDATE station SET name = #{s.name}, address = #{s.address}, latitude = #{s.latitude}, "
            + "longitude = #{s.longitude}, phone = #{s.phone}, build_type = #{s.buildType}, "
            + "co_building_unit = #{s.coBuildingUnit}, photo_url = #{s.photoUrl}, notice = #{s.notice}, "
            + "allow_unverified_checkin = #{s.allowUnverifiedCheckin}, version = version + 1, updated_at = #{s.updatedAt} WHERE id = #{s.id} AND version = #{s.version}")
    int updateDetails(@Param("s") Station s);

    /** 0 rows = the station changed since {@code version} was read. */
    @Update("UPDATE station SET status = #{status}, notice = #{notice}, version = version + 1, updated_at = #{now} "
            + "WHERE id = #{id} AND version = #{version}")
    int updateStatus(@Param("id") long id, @Param("version") int version, @Param("status") StationStatus status,
                     @Param("notice") String notice, @Param("now") LocalDateTime now);

    /** Marks a change of the station's hours or services. */
    @Update("UPDATE station SET version = version + 1, updated_at = #{now} WHERE id = #{id}")
    int touch(@Param("id") long id, @Param("now") LocalDateTime now);
}
