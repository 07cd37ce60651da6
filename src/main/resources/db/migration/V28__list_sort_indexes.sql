-- Lists (#14): the default orders of the big lists, for the whole city and within a county, so a page is read
-- from an index instead of sorting every row (hazards by deadline, claims newest report first, visits by due date).
CREATE INDEX ix_hazard_list ON hazard (deadline_at, id);
CREATE INDEX ix_hazard_area_list ON hazard (jurisdiction_code, deadline_at, id);
CREATE INDEX ix_claim_list ON claim (reported_at, id);
CREATE INDEX ix_claim_area_list ON claim (jurisdiction_code, reported_at, id);
CREATE INDEX ix_visit_list ON visit (due_at, id);
CREATE INDEX ix_visit_service_org_list ON visit (service_org_id, due_at, id);
