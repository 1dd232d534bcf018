package org.redstation.notify;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * notify_consent: the acceptances a user gave per template and has not used yet. The table has a composite
 * key, so there is no entity CRUD; every write is a guarded statement.
 */
@Mapper
interface ConsentMapper {

    /** Adds what one wx.requestSubscribeMessage answer said for a template (accepted = 1: one more send). */
    @Insert("INSERT INTO notify_consent (user_id, template, balance, accepted, rejected, updated_at) "
            + "VALUES (#{userId}, #{template}, #{accepted}, #{accepted}, #{rejected}, #{now}) "
            + "ON DUPLICATE KEY UPDATE balance = balance + #{accepted}, accepted = accepted + #{accepted}, "
            + "rejected = rejected + #{rejected}, updated_at = #{now}")
    int report(@Param("userId") long userId, @Param("template") String template, @Param("accepted") int accepted,
               @Param("rejected") int rejected, @Param("now") LocalDateTime now);

    /** Uses one acceptance; 0 rows = none left, so no WeChat call is made. */
    @Update("UPDATE notify_consent SET balance = balance - 1, updated_at = #{now} "
            + "WHERE user_id = #{userId} AND template = #{template} AND balance > 0")
    int take(@Param("userId") long userId, @Param("template") String template, @Param("now") LocalDateTime now);

    /** Returns an acceptance WeChat did not use (the send failed before delivery). */
    @Update("UPDATE notify_consent SET balance = balance + 1, updated_at = #{now} WHERE user_id = #{userId} AND template = #{template}")
    int giveBack(@Param("userId") long userId, @Param("template") String template, @Param("now") LocalDateTime now);

    /** WeChat answered 43101: it holds no acceptance, whatever we counted. */
    @Update("UPDATE notify_consent SET balance = 0, updated_at = #{now} WHERE user_id = #{userId} AND template = #{template}")
    int clear(@Param("userId") long userId, @Param("template") String template, @Param("now") LocalDateTime now);

    @Select("SELECT template, balance FROM notify_consent WHERE user_id = #{userId} ORDER BY template")
    List<Balance> balances(@Param("userId") long userId);

    @lombok.Data
    class Balance {
        private String template;
        private int balance;
    }
}
