package org.redstation.station;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The station module's public API for other modules. */
public interface StationApi {
    Optional<StationRef> find(long stationId);

    Optional<StationRef> findByCode(String code);

    /** Open or paused stations nearest to a point, nearest first. */
    List<Nearby> nearby(double latitude, double longitude, int limit);

    /** Stations whose name, address or community contains the keyword. */
    List<StationRef> search(String keyword, int limit);

    /** Stations by id (missing ids are absent from the map); one statement whatever the count. */
    Map<Long, StationRef> findAll(Collection<Long> stationIds);

    Optional<CommunityRef> community(long communityId);

    /** Communities by id; one statement whatever the count. */
    Map<Long, CommunityRef> communities(Collection<Long> communityIds);

    /** Communities of a street or town, by name. */
    List<CommunityRef> communitiesOfStreet(long streetId);

    /** A catalogue service by id, enabled or not. */
    Optional<CatalogueService> service(long serviceId);

    /** Catalogue services by id; one statement whatever the count. */
    Map<Long, CatalogueService> services(Collection<Long> serviceIds);

    /** The catalogue services a station offers, in its display order. */
    List<CatalogueService> offeredServices(long stationId);

    /** The service, if the station offers it (enabled or not: callers check {@link CatalogueService#bookable()}). */
    Optional<CatalogueService> offeredService(long stationId, long serviceId);

    record Nearby(StationRef station, int distanceMeters) {
    }
}
