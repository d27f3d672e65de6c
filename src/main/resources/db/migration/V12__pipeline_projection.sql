-- The managers' pipeline, kept up to date in the transaction of every trail event so that the
-- dashboard reads these rows instead of replaying events.

-- One row per deal: where it stands, and when it first reached each step of the funnel.
CREATE TABLE pipeline_deal (
  deal_id           VARCHAR(36)  NOT NULL PRIMARY KEY,
  centre            VARCHAR(16)  NOT NULL,
  target_country    VARCHAR(2)   NOT NULL,
  technology_field  VARCHAR(100) NULL,
  stage             VARCHAR(32)  NOT NULL,
  status            VARCHAR(16)  NOT NULL,
  outcome           VARCHAR(32)  NULL,
  disclosed_at      DATETIME(6)  NOT NULL,
  screened_at       DATETIME(6)  NULL,
  valued_at         DATETIME(6)  NULL,
  cleared_at        DATETIME(6)  NULL,
  offered_at        DATETIME(6)  NULL,
  signed_at         DATETIME(6)  NULL,
  paid_at           DATETIME(6)  NULL,
  closed_at         DATETIME(6)  NULL,
  -- The last time a person acted on the deal or it changed stage: the clock for stalled deals.
  last_activity_at  DATETIME(6)  NOT NULL,
  CONSTRAINT fk_pipeline_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);
CREATE INDEX ix_pipeline_centre_disclosed ON pipeline_deal (centre, disclosed_at);
CREATE INDEX ix_pipeline_open_activity ON pipeline_deal (status, last_activity_at);

-- Each stay of a deal in a stage; seconds is set when the deal leaves it.
CREATE TABLE pipeline_stage_visit (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  deal_id     VARCHAR(36)  NOT NULL,
  centre      VARCHAR(16)  NOT NULL,
  stage       VARCHAR(32)  NOT NULL,
  entered_at  DATETIME(6)  NOT NULL,
  left_at     DATETIME(6)  NULL,
  seconds     BIGINT       NULL,
  CONSTRAINT fk_stage_visit_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);
CREATE INDEX ix_stage_visit_deal ON pipeline_stage_visit (deal_id, left_at);
CREATE INDEX ix_stage_visit_centre_left ON pipeline_stage_visit (centre, left_at);

CREATE INDEX ix_scheduled_payment_due ON scheduled_payment (due_date);
CREATE INDEX ix_payment_received ON payment (received_on);
