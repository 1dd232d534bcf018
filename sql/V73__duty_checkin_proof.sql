-- How each duty check-in was verified (issue 13). NULL on claims checked in before this migration (not recorded).
ALTER TABLE duty_claim
    ADD COLUMN checkin_verify VARCHAR(16) NULL COMMENT 'STATION_CODE, LOCATION or NONE (allowed by the station, flagged)'
        AFTER checkin_at,
    ADD COLUMN checkin_distance_m INT NULL COMMENT 'metres from the station when a location was given' AFTER checkin_verify,
    ADD CONSTRAINT ck_duty_claim_verify CHECK (checkin_verify IS NULL OR checkin_verify IN ('STATION_CODE', 'LOCATION', 'NONE'));

-- An unverified check-in raises one alert per claim; a shift's own alerts (UNDERSTAFFED) keep claim_id 0,
-- so they stay unique per shift.
ALTER TABLE duty_alert
    MODIFY kind VARCHAR(32) NOT NULL COMMENT 'UNDERSTAFFED, UNVERIFIED_CHECKIN',
    ADD COLUMN claim_id BIGINT NOT NULL DEFAULT 0 COMMENT 'the claim of a check-in alert; 0 = about the shift' AFTER shift_id,
    DROP INDEX uk_duty_alert,
    ADD UNIQUE KEY uk_duty_alert (kind, shift_id, claim_id);
