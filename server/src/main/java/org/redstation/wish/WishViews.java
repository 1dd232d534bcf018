package org.redstation.wish;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.redstation.station.CommunityRef;
import org.redstation.station.StationApi;
import org.redstation.station.StationRef;
import org.springframework.stereotype.Component;

/** JSON shapes of needs; enums are sent as their names next to a {@code …Name} label. */
@Component
class WishViews {
    private final StationApi stations;

    WishViews(StationApi stations) {
        this.stations = stations;
    }

    record WishView(long id, String category, String categoryName, String content, boolean mayContact, String state,
                    String stateName, long communityId, String communityName, Long stationId, String stationName,
                    int photoCount, List<Long> photoIds, List<Long> completionPhotoIds, String assigneeKind,
                    String assigneeKindName, String assigneeName, String completionNote, Integer rating,
                    String ratingComment, int escalationLevel, Long projectId, Long mergedInto, Long conversationId, LocalDateTime createdAt,
                    LocalDateTime updatedAt, List<EventView> timeline, List<String> allowedActions) {
    }

    record EventView(String action, String actionName, String actorKind, String actorKindName, String actorName,
                     String from, String fromName, String to, String toName, String note, LocalDateTime at) {
    }

    /** A list: community and station names in one statement each, whatever the count. */
    List<WishView> list(List<Wish> rows) {
        Map<Long, CommunityRef> communities = stations.communities(rows.stream().map(Wish::getCommunityId).collect(Collectors.toSet()));
        Set<Long> stationIds = rows.stream().map(Wish::getStationId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<Long, StationRef> st = stationIds.isEmpty() ? Map.of() : stations.findAll(stationIds);
        return rows.stream().map(w -> view(w, communities.get(w.getCommunityId()),
                w.getStationId() == null ? null : st.get(w.getStationId()), List.of(),
                List.of(), null, List.of())).toList();
    }

    WishView detail(Wish w, List<WishPhoto> photos, List<WishEvent> events, Collection<WishAction> allowed) {
        CommunityRef c = stations.community(w.getCommunityId()).orElse(null);
        StationRef s = w.getStationId() == null ? null : stations.find(w.getStationId()).orElse(null);
        List<Long> posted = photos.stream().filter(p -> "POSTED".equals(p.getKind())).map(WishPhoto::getId).toList();
        List<Long> done = photos.stream().filter(p -> "COMPLETION".equals(p.getKind())).map(WishPhoto::getId).toList();
        List<EventView> timeline = events.stream().map(WishViews::event).toList();
        return view(w, c, s, posted, done, timeline, allowed.stream().map(Enum::name).toList());
    }

    static EventView event(WishEvent e) {
        return new EventView(e.getAction().name(), e.getAction().label(), e.getActorKind().name(), e.getActorKind().label(),
                e.getActorName(), e.getFromState() == null ? null : e.getFromState().name(),
                e.getFromState() == null ? null : e.getFromState().label(), e.getToState().name(), e.getToState().label(),
                e.getNote(), e.getCreatedAt());
    }

    private static WishView view(Wish w, CommunityRef c, StationRef s, List<Long> posted, List<Long> done,
                                 List<EventView> timeline, List<String> allowed) {
        return new WishView(w.getId(), w.getCategory().name(), w.getCategory().label(), w.getContent(),
                Boolean.TRUE.equals(w.getMayContact()), w.getState().name(), w.getState().label(), w.getCommunityId(),
                c == null ? null : c.name(), w.getStationId(), s == null ? null : s.name(), w.getPhotoCount(), posted, done,
                w.getAssigneeKind() == null ? null : w.getAssigneeKind().name(),
                w.getAssigneeKind() == null ? null : w.getAssigneeKind().label(), w.getAssigneeName(), w.getCompletionNote(),
                w.getRating(), w.getRatingComment(), w.getEscalationLevel(), w.getProjectId(), w.getMergedInto(), w.getConversationId(),
                w.getCreatedAt(), w.getUpdatedAt(), timeline, allowed);
    }
}
