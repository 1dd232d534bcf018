package org.redstation.station;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

/** {@code street} (its names reach other modules through {@link CommunityMapper}'s joins). */
@Mapper
interface StreetMapper extends BaseMapper<Street> {
}
