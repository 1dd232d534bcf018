package org.redstation.auth;

import org.redstation.common.BizException;
import org.redstation.common.CommonError;

/** The logged-in staff member; {@code communityId} null means a district administrator who sees all communities. */
public record CurrentStaff(long id, String username, String displayName, Long communityId, boolean admin) {

    public boolean canSee(Long community) {
        return communityId == null || communityId.equals(community);
    }

    /** Throws 403 unless this staff member may act on the given community's data. */
    public void requireCommunity(Long community) {
        if (!canSee(community)) {
            throw new BizException(CommonError.FORBIDDEN, "只能查看和管理本社区的数据");
        }
    }

    public void requireAdmin() {
        if (!admin) {
            throw new BizException(CommonError.FORBIDDEN, "需要管理员权限");
        }
    }
}
