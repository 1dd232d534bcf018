/**
 * Booking of station time slots (晚间一小时 evening extra hour, 红色周末 red weekend): weekly slot rules,
 * materialised slots, bookings with a waiting list, subscribe messages through notify. Public API for other
 * modules: {@link org.redstation.booking.BookingQueries}; fills the station view through
 * {@link org.redstation.station.NextSlotsProvider}.
 */
package org.redstation.booking;
