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

    /** The one district-administrator check: an administrator not tied to a community. */
    public boolean isDistrictAdmin() {
        return admin && communityId == null;
    }

    public void requireDistrictAdmin() {
        if (!isDistrictAdmin()) {
            throw new BizException(CommonError.FORBIDDEN, "需要区级管理员权限");
        }
    }

    /**
     * The communities this staff member may see, for list queries ({@code community_id IN (…)}); empty means
     * every community. Lists filter through this, never through {@code communityId} directly, so wider scopes
     * (a street's communities) need no change in the modules.
     */
    public java.util.Optional<java.util.List<Long>> scope() {
        return communityId == null ? java.util.Optional.empty() : java.util.Optional.of(java.util.List.of(communityId));
    }

    public void requireAdmin() {
        if (!admin) {
            throw new BizException(CommonError.FORBIDDEN, "需要管理员权限");
        }
    }
}
