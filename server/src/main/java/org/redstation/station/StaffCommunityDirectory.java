package org.redstation.station;

import java.util.List;
import org.redstation.auth.CommunityDirectory;
import org.springframework.stereotype.Component;

/** Gives the auth module the communities behind a staff scope (auth cannot depend on station: cycle). */
@Component
class StaffCommunityDirectory implements CommunityDirectory {
    private final StationApi stations;

    StaffCommunityDirectory(StationApi stations) {
        this.stations = stations;
    }

    @Override
    public boolean communityExists(long communityId) {
        return stations.community(communityId).isPresent();
    }

    @Override
    public List<Long> communitiesOfStreet(long streetId) {
        return stations.communitiesOfStreet(streetId).stream().map(CommunityRef::id).toList();
    }
}
