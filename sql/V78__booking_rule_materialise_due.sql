-- The slot materialiser visited every active rule every 15 minutes: a closures read and one INSERT IGNORE per day of
-- its horizon, ~60,000 statements a run on a district of 5,000 stations whose slots all existed. Each rule now records
-- the last day it was materialised through and the day it is next due (the day after its last run: its horizon then
-- moves by a day). A run reads only the due rules (a range of this index), and within a day finds none due.
-- New rules, changed rules and the rules of a station whose closure is removed are due at once ('2000-01-01').
ALTER TABLE booking_rule
    ADD COLUMN materialised_through DATE NULL,
    ADD COLUMN materialise_due DATE NOT NULL DEFAULT '2000-01-01';
CREATE INDEX idx_booking_rule_materialise_due ON booking_rule (active, materialise_due);
