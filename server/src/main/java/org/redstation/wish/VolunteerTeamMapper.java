package org.redstation.wish;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface VolunteerTeamMapper extends BaseMapper<VolunteerTeam> {
}
