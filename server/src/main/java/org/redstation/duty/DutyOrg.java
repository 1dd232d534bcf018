package org.redstation.duty;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;

/** A double-report Party organisation of a community (table {@code duty_org}). */
@Data
@TableName("duty_org")
class DutyOrg {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long communityId;
    private String name;
    private OrgKind kind;
    private String unitName;
    private String secretary;
    private String contactPhone;
    /** The app user who takes wishes dispatched to the organisation (one of its approved members); null = none. */
    private Long contactUserId;
    /** False once staff deactivated it: kept for history, no longer offered to applicants, shifts or dispatch. */
    private boolean active = true;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    /** Approved members; filled by {@link DutyOrgMapper#listForStaff} only. */
    @TableField(exist = false)
    private Integer memberCount;
}
