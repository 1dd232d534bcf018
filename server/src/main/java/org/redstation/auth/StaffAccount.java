package org.redstation.auth;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import java.util.List;
import lombok.Data;

@Data
@TableName("staff_account")
public class StaffAccount {
    @TableId(type = IdType.AUTO)
    private Long id;
    /** Normalised ({@link Usernames}), compared in binary. */
    private String username;
    private String passwordHash;
    private String displayName;
    private StaffRole role;
    private Long communityId;
    private Long streetId;
    private Boolean enabled;
    private Boolean mustChangePassword;
    private Integer failedLogins;
    private LocalDateTime lockedUntil;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    boolean active() {
        return Boolean.TRUE.equals(enabled);
    }

    /** The request's view of this account; {@code directory} expands a street into its communities. */
    CurrentStaff toCurrent(CommunityDirectory directory) {
        List<Long> communities = switch (role) {
            case DISTRICT_ADMIN -> List.of();
            case STREET_ADMIN -> List.copyOf(directory.communitiesOfStreet(streetId));
            case COMMUNITY_STAFF -> List.of(communityId);
        };
        return new CurrentStaff(id, username, displayName, role, communityId, streetId, communities,
                Boolean.TRUE.equals(mustChangePassword));
    }
}
