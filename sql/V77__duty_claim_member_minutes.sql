-- The staff member list sums each member's service minutes (all of them, and those without check-in proof). Only
-- checked-out claims carry minutes; released and cancelled ones (most rows of an active member) carry 0. With this index
-- the sums read only the member's rows with minutes > 0, from the index alone, however many claims they released.
CREATE INDEX idx_duty_claim_member_minutes ON duty_claim (member_id, minutes, checkin_verify);
