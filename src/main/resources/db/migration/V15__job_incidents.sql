-- A job whose retries ran out: what failed and where, so managers and admins see it in the
-- application and can send the deal through the step again once the cause is fixed.
CREATE TABLE job_incident (
  job_key               BIGINT        NOT NULL PRIMARY KEY,
  deal_id               VARCHAR(36)   NULL,
  job_type              VARCHAR(64)   NOT NULL,
  element_id            VARCHAR(64)   NOT NULL,
  element_instance_key  BIGINT        NOT NULL,
  process_instance_key  BIGINT        NOT NULL,
  message               VARCHAR(1000) NOT NULL,
  raised_at             DATETIME(6)   NOT NULL,
  retried_by            VARCHAR(64)   NULL,
  retried_at            DATETIME(6)   NULL,
  version               INT           NOT NULL DEFAULT 0
);
CREATE INDEX ix_job_incident_open ON job_incident (retried_at, raised_at);
