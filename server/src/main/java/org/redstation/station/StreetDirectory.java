package org.redstation.station;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Streets with their communities, for residents' street → community pickers: one statement. */
@Service
class StreetDirectory {
    private final CommunityMapper communities;

    StreetDirectory(CommunityMapper communities) {
        this.communities = communities;
    }

    record CommunityItem(long id, String name) {
    }

    record StreetItem(long id, String name, List<CommunityItem> communities) {
    }

    List<StreetItem> streets() {
        Map<Long, StreetItem> out = new LinkedHashMap<>();
        for (Community c : communities.allJoined()) {
            out.computeIfAbsent(c.getStreetId(), id -> new StreetItem(id, c.getStreetName(), new ArrayList<>()))
                    .communities().add(new CommunityItem(c.getId(), c.getName()));
        }
        return List.copyOf(out.values());
    }
}
