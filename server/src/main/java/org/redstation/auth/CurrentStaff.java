package org.redstation.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;
import org.redstation.common.BizException;
import org.redstation.common.CommonError;

/**
 * The logged-in staff member and what it may see. {@code communities} is the scope of a street or community
 * account (a street administrator's are its street's communities, looked up on every request, so a new
 * community is in scope at once); a district administrator's is empty and means every community.
 * Check scope only through {@link #requireCommunity}, {@link #scope} and {@link #isDistrictAdmin}: a
 * null {@code communityId} does NOT mean "all communities" (a street administrator has none either).
 */
public record CurrentStaff(long id, String username, String displayName, StaffRole role, Long communityId, Long streetId,
                           List<Long> communities, boolean passwordChangeRequired) {

    public CurrentStaff {
        communities = communities == null ? List.of() : List.copyOf(communities);
    }

    public boolean canSee(Long community) {
        return role == StaffRole.DISTRICT_ADMIN || (community != null && communities.contains(community));
    }

    /** Throws 403 unless this staff member may act on the given community's data. */
    public void requireCommunity(Long community) {
        if (!canSee(community)) {
            throw new BizException(CommonError.FORBIDDEN, role == StaffRole.STREET_ADMIN
                    ? "只能查看和管理本街道各社区的数据" : "只能查看和管理本社区的数据");
        }
    }

    /** The one district-administrator check. */
    public boolean isDistrictAdmin() {
        return role == StaffRole.DISTRICT_ADMIN;
    }

    public void requireDistrictAdmin() {
        if (!isDistrictAdmin()) {
            throw new BizException(CommonError.FORBIDDEN, "需要区级管理员权限");
        }
    }

    /**
     * The communities this staff member may see, for list queries ({@code community_id IN (…)}); empty means
     * every community. A street without communities gives an empty list: callers return nothing then.
     */
    public Optional<List<Long>> scope() {
        return isDistrictAdmin() ? Optional.empty() : Optional.of(communities);
    }

    /** District or street administrator. */
    @JsonProperty("admin")
    public boolean isAdmin() {
        return role.isAdministrator();
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw new BizException(CommonError.FORBIDDEN, "需要管理员权限");
        }
    }
}
