package org.redstation.duty;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

/** {@code duty_org}: simple finders go through LambdaQueryWrapper in {@link MemberService}. */
@Mapper
interface DutyOrgMapper extends BaseMapper<DutyOrg> {
    /** Spelled out because updateById skips nulls, and clearing the contact is a null. */
    @Update("UPDATE duty_org SET contact_user_id = #{userId} WHERE id = #{id}")
    int setContactUser(@Param("id") long id, @Param("userId") Long userId);
}
