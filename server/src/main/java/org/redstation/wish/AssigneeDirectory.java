package org.redstation.wish;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Party organisations and members who may take needs, with their resource lists: implemented by the module that
 * owns them (duty), so this module never reads their tables. Without a bean, dispatch offers volunteer teams and
 * members by user id only.
 */
public interface AssigneeDirectory {
    /** Organisations ({@link AssigneeKind#ORG}) and members ({@link AssigneeKind#MEMBER}) of a community. */
    List<Assignee> candidates(long communityId);

    Optional<Assignee> find(AssigneeKind kind, long id);

    /**
     * @param id       organisation id, or the member's app user id
     * @param userId   the app user who accepts and completes (an organisation's contact), null if none
     * @param skills   resource-list categories (REPAIR, TUTORING, MEDICAL, LEGAL, …)
     * @param latitude where they are (may be null)
     */
    record Assignee(AssigneeKind kind, long id, String name, long communityId, Long userId, Set<String> skills,
                    Double latitude, Double longitude) {
    }
}
