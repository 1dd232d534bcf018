-- "Please rate" (请评价) reminder: a completed need the resident has neither rated nor reopened after
-- redstation.wish.rate-reminder-after gets one reminder. The column holds the version of the completion that was
-- reminded; the reminder is claimed by a conditional UPDATE of it, so two instances or a restart never send a second,
-- and a need completed again after a reopen (a new version) is reminded again, once.
ALTER TABLE wish
    ADD COLUMN rate_reminded_version INT NULL COMMENT 'version of the completion reminded to rate; claimed once' AFTER escalation_level;
