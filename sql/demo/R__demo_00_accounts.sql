-- Demo data (embedded default and tests only; never in production migrations).
-- Demo staff accounts are created by the app (bootstrap admin); feature modules add their own demo files.
SELECT 1;
