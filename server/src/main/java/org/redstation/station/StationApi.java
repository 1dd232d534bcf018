package org.redstation.station;

import java.util.List;
import java.util.Optional;

/** The station module's public API for other modules. */
public interface StationApi {
    Optional<StationRef> find(long stationId);

    Optional<StationRef> findByCode(String code);

    /** Open or paused stations nearest to a point, nearest first. */
    List<Nearby> nearby(double latitude, double longitude, int limit);

    /** Stations whose name, address or community contains the keyword. */
    List<StationRef> search(String keyword, int limit);

    record Nearby(StationRef station, int distanceMeters) {
    }
}
