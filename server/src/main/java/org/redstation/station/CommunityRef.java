package org.redstation.station;

/** What other modules need to know about a community (社区) and its street or town. */
public record CommunityRef(long id, String name, long streetId, String streetName, String phone) {
}
