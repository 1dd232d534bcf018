package org.redstation.wish;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface WishPhotoMapper extends BaseMapper<WishPhoto> {
}
