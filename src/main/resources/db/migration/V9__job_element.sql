-- Which diagram element a handled job belonged to, so a deal's page can mark what the process has done.
ALTER TABLE processed_job ADD COLUMN element_id VARCHAR(64) NULL;
CREATE INDEX ix_processed_job_deal ON processed_job (deal_id);
