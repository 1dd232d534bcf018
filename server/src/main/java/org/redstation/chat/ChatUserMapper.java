package org.redstation.chat;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
interface ChatUserMapper extends BaseMapper<ChatUserRow> {
    /** First contact; two instances may race, the primary key keeps one row. */
    @Insert("INSERT IGNORE INTO chat_user (openid, channel, app_user_id, created_at, last_in_at) "
            + "VALUES (#{openid}, #{channel}, #{appUserId}, #{now}, #{now})")
    int insertIfAbsent(@Param("openid") String openid, @Param("channel") ChatChannel channel, @Param("appUserId") Long appUserId,
                       @Param("now") LocalDateTime now);

    /** A follower who scanned a station's poster: the station and its community are known without asking. */
    @Update("UPDATE chat_user SET station_id = #{stationId}, community_id = #{communityId}, awaiting_community = 0 WHERE openid = #{openid}")
    int setStation(@Param("openid") String openid, @Param("stationId") long stationId, @Param("communityId") long communityId);

    /** A message to mini-program customer service opens its 48-hour window. */
    @Update("UPDATE chat_user SET kefu_at = #{at} WHERE openid = #{openid}")
    int setKefuAt(@Param("openid") String openid, @Param("at") LocalDateTime at);

    /** Link by unionid; the values may be null (not linked after all), so they are always written. */
    @Update("UPDATE chat_user SET unionid = #{unionid}, app_user_id = #{appUserId}, community_id = #{communityId} "
            + "WHERE openid = #{openid}")
    int link(@Param("openid") String openid, @Param("unionid") String unionid, @Param("appUserId") Long appUserId,
             @Param("communityId") Long communityId);

    @Update("UPDATE chat_user SET awaiting_community = #{awaiting} WHERE openid = #{openid}")
    int setAwaitingCommunity(@Param("openid") String openid, @Param("awaiting") boolean awaiting);

    @Update("UPDATE chat_user SET community_id = #{communityId}, awaiting_community = 0 WHERE openid = #{openid}")
    int setCommunity(@Param("openid") String openid, @Param("communityId") long communityId);
}
