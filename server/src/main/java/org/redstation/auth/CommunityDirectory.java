package org.redstation.auth;

import java.util.List;

/**
 * What staff scopes need to know about communities and streets. Implemented by the station module
 * (which owns those tables and already depends on this one), so auth needs no dependency on it.
 */
public interface CommunityDirectory {
    boolean communityExists(long communityId);

    /** The ids of the communities of a street or town; empty for an unknown street. */
    List<Long> communitiesOfStreet(long streetId);
}
