package org.redstation.station;

import java.util.Optional;

/** The station module's public API for other modules. */
public interface StationApi {
    Optional<StationRef> find(long stationId);

    Optional<StationRef> findByCode(String code);
}
