-- Issue 10: both filings share one set of status names (org.anzexian.filing.FilingStatus).
-- The service-organization filing's CORRECTION becomes NEEDS_CORRECTION, as the insurer filing names it.
-- Runs on H2 and PostgreSQL alike.
ALTER TABLE service_org_filing DROP CONSTRAINT ck_service_org_filing_status;

UPDATE service_org_filing SET status = 'NEEDS_CORRECTION' WHERE status = 'CORRECTION';

ALTER TABLE service_org_filing ADD CONSTRAINT ck_service_org_filing_status
    CHECK (status IN ('SUBMITTED', 'NEEDS_CORRECTION', 'IN_REVIEW', 'FILED', 'REJECTED', 'WITHDRAWN', 'LAPSED'));
