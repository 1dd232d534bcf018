package org.redstation.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redstation.common.BizException;

class StaffRoleTest {

    @Test
    void onlyDistrictAdministratorsCreateAdministrators() {
        assertThat(StaffRole.DISTRICT_ADMIN.mayCreate(StaffRole.DISTRICT_ADMIN)).isTrue();
        assertThat(StaffRole.DISTRICT_ADMIN.mayCreate(StaffRole.STREET_ADMIN)).isTrue();
        assertThat(StaffRole.STREET_ADMIN.mayCreate(StaffRole.STREET_ADMIN)).isFalse();
        assertThat(StaffRole.STREET_ADMIN.mayCreate(StaffRole.DISTRICT_ADMIN)).isFalse();
        assertThat(StaffRole.STREET_ADMIN.mayCreate(StaffRole.COMMUNITY_STAFF)).isTrue();
        for (StaffRole r : StaffRole.values()) {
            assertThat(StaffRole.COMMUNITY_STAFF.mayCreate(r)).isFalse();
        }
    }

    @Test
    void aStreetAdministratorSeesItsStreetsCommunitiesOnly() {
        CurrentStaff street = new CurrentStaff(1, "street", "街道", StaffRole.STREET_ADMIN, null, 5L, List.of(9L, 10L), false);
        assertThat(street.scope()).contains(List.of(9L, 10L));
        assertThat(street.canSee(9L)).isTrue();
        assertThat(street.canSee(3L)).isFalse();
        assertThat(street.canSee(null)).isFalse();
        assertThat(street.isDistrictAdmin()).isFalse();
        assertThatThrownBy(() -> street.requireCommunity(3L)).isInstanceOf(BizException.class);
        street.requireAdmin();
    }

    @Test
    void noCommunityIsNoLongerEverything() {
        CurrentStaff district = new CurrentStaff(1, "d", "区", StaffRole.DISTRICT_ADMIN, null, null, List.of(), false);
        assertThat(district.scope()).isEmpty();
        assertThat(district.canSee(3L)).isTrue();
        // a community account without communities (e.g. a broken row) sees nothing, never everything
        CurrentStaff orphan = new CurrentStaff(2, "c", "社区", StaffRole.COMMUNITY_STAFF, null, null, List.of(), false);
        assertThat(orphan.scope()).contains(List.of());
        assertThat(orphan.canSee(3L)).isFalse();
        assertThatThrownBy(orphan::requireAdmin).isInstanceOf(BizException.class);
        assertThatThrownBy(orphan::requireDistrictAdmin).isInstanceOf(BizException.class);
    }
}
