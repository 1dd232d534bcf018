package org.redstation.chat;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;

/** A staff account bound to a WeChat user of the official account (chat_staff_binding). */
@Data
@TableName("chat_staff_binding")
class StaffBindingRow {
    @TableId(type = IdType.INPUT)
    private Long staffId;
    private String openid;
    private String displayName;
    /** null = district administrator. */
    private Long communityId;
    private LocalDateTime boundAt;
}
