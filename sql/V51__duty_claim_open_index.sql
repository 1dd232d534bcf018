-- Housekeeping closes forgotten check-outs (DutyClaimMapper#missedCheckouts: ACTIVE, not checked out, ended):
-- without this it reads every claim ever made; with it, the claims still open.
CREATE INDEX idx_duty_claim_open ON duty_claim (status, checkout_at, end_at);
