package org.redstation.duty;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;

/** A Party member's double-report registration (table {@code party_member}, one per app user). */
@Data
@TableName("party_member")
class PartyMember {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long userId;
    private Long communityId;
    private Long orgId;
    /** The organisation the applicant typed because it is not listed yet (null once staff made it one). */
    private String orgNameGiven;
    private String name;
    private String phone;
    private String workplace;
    private MemberStatus status;
    private String rejectReason;
    private Long reviewedBy;
    private LocalDateTime reviewedAt;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    /** Filled by the joined selects of {@link PartyMemberMapper} only. */
    @TableField(exist = false)
    private String orgName;
    boolean mayServe() {
        return status != null && status.mayServe();
    }
}
