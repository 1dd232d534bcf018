-- The jobs and closures look slots up by day (SlotMapper#lockOpenOfDay, #reopenDay, BookingMapper#dueReminders):
-- without this they read every slot (or every booking) however few are due; with it, the day's slots only.
CREATE INDEX idx_booking_slot_day ON booking_slot (slot_date, status); -- + id (InnoDB): a day in id order, no sort
