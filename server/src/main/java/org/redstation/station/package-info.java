/**
 * Stations (驿站) of communities and streets, their services, opening hours and QR codes. Public API for
 * other modules: {@link org.redstation.station.StationApi}, {@link org.redstation.station.StationRef}, and the
 * provider interfaces other modules implement to fill the station view
 * ({@link org.redstation.station.OnDutyProvider}, {@link org.redstation.station.NextSlotsProvider}).
 */
package org.redstation.station;
