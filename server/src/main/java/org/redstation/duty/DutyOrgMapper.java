package org.redstation.duty;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

/** {@code duty_org}: simple finders go through LambdaQueryWrapper in {@link MemberService}. */
@Mapper
interface DutyOrgMapper extends BaseMapper<DutyOrg> {
}
