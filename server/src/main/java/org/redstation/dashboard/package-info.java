/**
 * The staff dashboard: per street and community figures (bookings per day, attendance, members reported, service
 * time, conversations and reply time, on duty now) and the district's reported figures next to the live ones; the
 * district's figures (GET /api/staff/figures: needs, projects, volunteers beside resource items, members reported,
 * bookings, attendance and service hours). Reads other modules only through their public figure services
 * (booking.BookingFigures, duty.DutyFigures, chat.ChatFigures, wish.WishFigures, station.StaffCommunities / StationApi);
 * owns no table. See README.md.
 */
package org.redstation.dashboard;
