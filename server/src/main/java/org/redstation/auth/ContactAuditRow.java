package org.redstation.auth;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;

/** A row of {@code contact_audit}: one staff member saw one full contact, with the reason given. */
@Data
@TableName("contact_audit")
class ContactAuditRow {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long staffId;
    private String staffName;
    private Long communityId;
    private String subjectKind;
    private Long subjectId;
    private String reason;
    private LocalDateTime createdAt;
}
