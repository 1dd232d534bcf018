package org.redstation.auth;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;

@Data
@TableName("staff_account")
public class StaffAccount {
    @TableId(type = IdType.AUTO)
    private Long id;
    private String username;
    private String passwordHash;
    private String displayName;
    private Long communityId;
    private Boolean admin;
    private Boolean enabled;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    CurrentStaff toCurrent() {
        return new CurrentStaff(id, username, displayName, communityId, Boolean.TRUE.equals(admin));
    }
}
