-- Check-in with proof (issue 13): a duty check-in must show the station's code or a location near the station,
-- unless staff allow check-ins without proof at this station (they are then flagged and counted apart).
ALTER TABLE station
    ADD COLUMN allow_unverified_checkin TINYINT(1) NOT NULL DEFAULT 0
        COMMENT 'duty check-in without station code or location allowed (flagged)' AFTER notice;
