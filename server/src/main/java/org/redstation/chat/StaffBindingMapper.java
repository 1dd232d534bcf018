package org.redstation.chat;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface StaffBindingMapper extends BaseMapper<StaffBindingRow> {
    /** Frees both the staff account and the WeChat user before a new binding (one binding each). */
    @Delete("DELETE FROM chat_staff_binding WHERE staff_id = #{staffId} OR openid = #{openid}")
    int deleteEither(@Param("staffId") long staffId, @Param("openid") String openid);
}
