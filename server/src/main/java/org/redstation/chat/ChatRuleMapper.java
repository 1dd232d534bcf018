package org.redstation.chat;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

/** chat_rule: simple finders through wrappers (see {@link RuleService}). */
@Mapper
interface ChatRuleMapper extends BaseMapper<ChatRule> {
}
