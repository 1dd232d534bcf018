-- The hourly pattern extension applied every active pattern on every instance every hour: its future shifts read,
-- one UPDATE per unclaimed shift still wanted, an existence check per missing start. A pattern's horizon moves on
-- by a day only when the day changes, so a pattern is now due the day after it was last applied (saves apply it at
-- once), and the runs within a day read one empty range of this index.
ALTER TABLE duty_pattern ADD COLUMN extend_due DATE NOT NULL DEFAULT '2000-01-01';
CREATE INDEX idx_duty_pattern_extend_due ON duty_pattern (active, extend_due);
