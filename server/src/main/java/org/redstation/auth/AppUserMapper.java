package org.redstation.auth;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface AppUserMapper extends BaseMapper<AppUser> {
    /** 关怀模式 on or off for one user. */
    @Update("UPDATE app_user SET elder_mode = #{on} WHERE id = #{id}")
    int setElderMode(@Param("id") long id, @Param("on") boolean on);
}
