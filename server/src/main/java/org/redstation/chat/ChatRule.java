package org.redstation.chat;

import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDateTime;
import lombok.Data;

/** A keyword rule (chat_rule); {@code communityId} null = every community. Also the staff API's rule shape. */
@Data
@TableName("chat_rule")
class ChatRule {
    @TableId(type = IdType.AUTO)
    private Long id;
    /** Written even when null: moving a rule to "every community" must clear it. */
    @TableField(updateStrategy = FieldStrategy.ALWAYS)
    private Long communityId;
    private RuleMatchType matchType;
    private String pattern;
    private String reply;
    /** True: the rule answers and the message also goes to the community's staff. */
    private Boolean forwards;
    private Integer priority;
    private Boolean enabled;
    private String updatedBy;
    @JsonIgnore
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    public String getMatchTypeName() {
        return matchType == null ? null : matchType.label();
    }
}
