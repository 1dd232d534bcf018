package org.redstation.auth;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface StaffAccountMapper extends BaseMapper<StaffAccount> {

    /**
     * Takes one sign-in try before the password is checked; 0 rows = the account is waiting. The try counts
     * as a failure until {@link #loginSucceeded} clears it, so parallel tries are counted exactly. From the
     * {@code free}-th failure on the account waits {@code firstSeconds} doubled per further failure, at most
     * {@code maxSeconds}. {@code locked_until} is assigned first because MySQL applies SET items in order.
     */
    @Update("UPDATE staff_account SET "
            + "locked_until = CASE WHEN failed_logins + 1 >= #{free} THEN TIMESTAMPADD(SECOND, "
            + "LEAST(#{maxSeconds}, #{firstSeconds} << LEAST(failed_logins + 1 - #{free}, 20)), #{now}) ELSE NULL END, "
            + "failed_logins = failed_logins + 1 "
            + "WHERE id = #{id} AND (locked_until IS NULL OR locked_until <= #{now})")
    int takeLoginTry(@Param("id") long id, @Param("now") LocalDateTime now, @Param("free") int free,
                     @Param("firstSeconds") long firstSeconds, @Param("maxSeconds") long maxSeconds);

    @Update("UPDATE staff_account SET failed_logins = 0, locked_until = NULL WHERE id = #{id}")
    int loginSucceeded(@Param("id") long id);

    @Update("UPDATE staff_account SET password_hash = #{hash}, updated_at = #{now} WHERE id = #{id}")
    int upgradeHash(@Param("id") long id, @Param("hash") String hash, @Param("now") LocalDateTime now);

    @Update("UPDATE staff_account SET password_hash = #{hash}, must_change_password = 0, updated_at = #{now} WHERE id = #{id}")
    int changePassword(@Param("id") long id, @Param("hash") String hash, @Param("now") LocalDateTime now);

    /** Disables or re-enables an account; a disabled account's sessions end at its next request (the row is read every time). */
    @Update("UPDATE staff_account SET enabled = #{enabled}, updated_at = #{now} WHERE id = #{id}")
    int setEnabled(@Param("id") long id, @Param("enabled") boolean enabled, @Param("now") LocalDateTime now);

}
