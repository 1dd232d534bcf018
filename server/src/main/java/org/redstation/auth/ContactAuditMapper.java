package org.redstation.auth;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

/** {@code contact_audit}: written once per "show contact", never updated. */
@Mapper
interface ContactAuditMapper extends BaseMapper<ContactAuditRow> {
}
