/**
 * Stations (驿站) of communities and streets, the district's one service catalogue, opening hours and QR codes.
 * Owns the tables street, community, station, station_hours, service_item, station_service, station_audit and
 * station_qrcode (entities and mappers stay package-private; see README.md). Public API for other modules:
 * {@link org.redstation.station.StationApi} with {@link org.redstation.station.StationRef},
 * {@link org.redstation.station.CommunityRef}, {@link org.redstation.station.CatalogueService},
 * {@link org.redstation.station.StationStatus}, {@link org.redstation.station.UsageMode}, and the provider
 * interfaces other modules implement to fill the station view ({@link org.redstation.station.OnDutyProvider},
 * {@link org.redstation.station.NextSlotsProvider}).
 */
package org.redstation.station;
