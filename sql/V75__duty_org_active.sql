-- Staff deactivate a Party organisation instead of deleting it: members, shifts and hours keep pointing at it, but it
-- is no longer offered to applicants, to new shifts or patterns, or to wish dispatch. updated_at: the last staff edit.
ALTER TABLE duty_org
    ADD COLUMN active     TINYINT(1)  NOT NULL DEFAULT 1 COMMENT '0 = deactivated by staff (history kept)',
    ADD COLUMN updated_at DATETIME(3) NULL;
