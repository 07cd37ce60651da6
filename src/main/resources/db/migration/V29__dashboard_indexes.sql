-- Dashboard (#14, N8.9): the hazard closure rate and time to close read the hazards raised or closed in the
-- last period (anzexian.dashboard.closure-period); these let PostgreSQL combine both ranges (BitmapOr)
-- instead of scanning every hazard ever raised (docs/PERFORMANCE.md, "Dashboard (#14)").
CREATE INDEX ix_hazard_raised ON hazard (raised_at);
CREATE INDEX ix_hazard_closed ON hazard (closed_at);
