-- Staff accounts: explicit roles, exact usernames, login failures counted in the row, first sign-in flag.

-- Usernames are normalised by the server (NFKC, trimmed, lower case, [a-z0-9._-]); the binary collation
-- makes the database compare exactly what was normalised ('ADMIN', 'admin  ', 'ádmin' no longer find 'admin').
UPDATE staff_account SET username = LOWER(TRIM(username));
ALTER TABLE staff_account
    MODIFY username VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    ADD COLUMN role VARCHAR(20) NOT NULL DEFAULT 'COMMUNITY_STAFF' COMMENT 'DISTRICT_ADMIN, STREET_ADMIN or COMMUNITY_STAFF' AFTER display_name,
    ADD COLUMN street_id BIGINT NULL COMMENT 'the street or town of a STREET_ADMIN' AFTER community_id,
    ADD COLUMN must_change_password TINYINT(1) NOT NULL DEFAULT 0 COMMENT '1 = every staff endpoint but the password change answers 403',
    ADD COLUMN failed_logins INT NOT NULL DEFAULT 0 COMMENT 'failed sign-ins since the last success',
    ADD COLUMN locked_until DATETIME(3) NULL COMMENT 'no sign-in attempt before this time (exponential back-off, capped)';

-- The old implicit model: an administrator without a community saw everything; everyone else is
-- community staff. Non-administrators without a community used to see every community: they have no
-- valid scope now, so they are disabled until an administrator gives them one.
UPDATE staff_account SET role = 'DISTRICT_ADMIN' WHERE admin = 1 AND community_id IS NULL;
UPDATE staff_account SET enabled = 0 WHERE role = 'COMMUNITY_STAFF' AND community_id IS NULL;

ALTER TABLE staff_account
    DROP COLUMN admin,
    ADD CONSTRAINT ck_staff_account_role CHECK (role IN ('DISTRICT_ADMIN', 'STREET_ADMIN', 'COMMUNITY_STAFF')),
    ADD CONSTRAINT ck_staff_account_scope CHECK (enabled = 0
        OR (role = 'DISTRICT_ADMIN' AND community_id IS NULL AND street_id IS NULL)
        OR (role = 'STREET_ADMIN' AND street_id IS NOT NULL AND community_id IS NULL)
        OR (role = 'COMMUNITY_STAFF' AND community_id IS NOT NULL AND street_id IS NULL));
