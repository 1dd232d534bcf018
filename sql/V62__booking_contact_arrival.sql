-- Bookings for a person: who comes (name, phone, relation to the booker when booking for a family member), what to
-- bring per catalogue service, and arrival at the station (checked in with a queue number per slot).
ALTER TABLE service_item
    ADD COLUMN what_to_bring VARCHAR(100) NULL COMMENT 'documents/items to bring, shown before booking and in the reminder' AFTER description;

ALTER TABLE booking
    ADD COLUMN contact_name VARCHAR(20) NULL COMMENT 'who comes; NULL on bookings made before V62' AFTER note,
    ADD COLUMN contact_phone VARCHAR(11) NULL COMMENT '11-digit mainland mobile' AFTER contact_name,
    ADD COLUMN contact_relation VARCHAR(10) NULL COMMENT 'relation to the booker (e.g. 父亲); NULL = the booker' AFTER contact_phone,
    ADD COLUMN queue_no INT NULL COMMENT 'arrival order within the slot, set on check-in' AFTER contact_relation,
    ADD COLUMN arrived_at DATETIME(3) NULL COMMENT 'checked in by scanning the station code' AFTER queue_no,
    ADD UNIQUE KEY uk_booking_slot_queue (slot_id, queue_no);

-- The queue counter: taken by a conditional UPDATE under the slot's row lock, so numbers are 1, 2, 3... per slot.
ALTER TABLE booking_slot
    ADD COLUMN arrivals INT NOT NULL DEFAULT 0 COMMENT 'queue numbers handed out so far';
