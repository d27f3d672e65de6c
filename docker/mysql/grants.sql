-- The production accounts of the case store (MySQL 8.4; also MariaDB). Run as a DBA after the first
-- start with the owner account, and again when a release adds a table (docs/operations.md, MySQL).
-- The owner account runs Flyway's migrations; the application account cannot change or delete the
-- trail: history events, comments and files are insert-only, and the chain's head only moves on.

CREATE USER IF NOT EXISTS 'ttdesk_owner'@'%' IDENTIFIED BY '<owner password>';
GRANT ALL PRIVILEGES ON ttdesk.* TO 'ttdesk_owner'@'%';

CREATE USER IF NOT EXISTS 'ttdesk'@'%' IDENTIFIED BY '<application password>';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.centre                TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.app_user              TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.deal_counter          TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.deal                  TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.inventor              TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.prior_disclosure      TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.co_owner              TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.sponsor               TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.filing_country        TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.processed_job         TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.valuation             TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.valuation_choice      TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.technology_rating     TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.ip_check              TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.denied_party          TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.export_control_item   TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.term_sheet            TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.term_sheet_milestone  TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.counterparty_response TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.scheduled_payment     TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.royalty_period        TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.royalty_report        TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.payment               TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.distribution_policy   TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.distribution_share    TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.ledger_line           TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.exchange_rate         TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.task                  TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.docket_item           TO 'ttdesk'@'%';
-- The pipeline's rows, stage times and counts are a projection of the trail, kept by the application.
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.pipeline_deal         TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.pipeline_stage_visit  TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.pipeline_stage_time   TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.pipeline_day_count    TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.pipeline_month_time   TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.pipeline_activity_count TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON ttdesk.job_incident          TO 'ttdesk'@'%';
-- The trail: events, comments and files are only ever added; the chain's head only moves on.
GRANT SELECT, INSERT         ON ttdesk.history_event         TO 'ttdesk'@'%';
GRANT SELECT, INSERT         ON ttdesk.note                  TO 'ttdesk'@'%';
GRANT SELECT, INSERT         ON ttdesk.attachment            TO 'ttdesk'@'%';
GRANT SELECT, INSERT, UPDATE ON ttdesk.trail_head            TO 'ttdesk'@'%';
