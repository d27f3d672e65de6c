-- Case store for technology-transfer deals. Instants are UTC in DATETIME(6); money is DECIMAL(19,4)
-- with an explicit ISO 4217 currency beside it.

CREATE TABLE centre (
  code      VARCHAR(16)   NOT NULL PRIMARY KEY,
  name      VARCHAR(200)  NOT NULL,
  country   VARCHAR(2)    NOT NULL,
  currency  VARCHAR(3)    NOT NULL
);

CREATE TABLE app_user (
  username       VARCHAR(64)   NOT NULL PRIMARY KEY,
  password_hash  VARCHAR(100)  NOT NULL,
  display_name   VARCHAR(200)  NOT NULL,
  roles          VARCHAR(200)  NOT NULL,
  centres        VARCHAR(500)  NOT NULL,
  enabled        BOOLEAN       NOT NULL DEFAULT TRUE
);

CREATE TABLE deal_counter (
  prefix   VARCHAR(32)   NOT NULL PRIMARY KEY,
  next_no  INT           NOT NULL
);

CREATE TABLE deal (
  id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
  reference             VARCHAR(32)   NOT NULL UNIQUE,
  title                 VARCHAR(300)  NOT NULL,
  abstract_text         TEXT          NOT NULL,
  centre                VARCHAR(16)   NOT NULL,
  owner_institution     VARCHAR(200)  NOT NULL,
  owner_country         VARCHAR(2)    NOT NULL,
  target_country        VARCHAR(2)    NOT NULL,
  cross_border          BOOLEAN       NOT NULL,
  trl                   INT           NOT NULL,
  technology_field      VARCHAR(100),
  licensee_name         VARCHAR(200),
  licensee_country      VARCHAR(2),
  currency              VARCHAR(3)    NOT NULL,
  projected_revenue     VARCHAR(1000) NOT NULL,
  royalty_rate          DECIMAL(9,4)  NOT NULL,
  tax_rate              DECIMAL(9,4)  NOT NULL,
  discount_rate         DECIMAL(9,4)  NOT NULL,
  patent_costs          DECIMAL(19,4) NOT NULL,
  priority_date         DATE,
  stage                 VARCHAR(32)   NOT NULL,
  status                VARCHAR(16)   NOT NULL,
  outcome               VARCHAR(32),
  withdrawal_requested  BOOLEAN       NOT NULL DEFAULT FALSE,
  process_instance_key  BIGINT,
  created_by            VARCHAR(64)   NOT NULL,
  created_at            DATETIME(6)   NOT NULL,
  updated_at            DATETIME(6)   NOT NULL,
  closed_at             DATETIME(6),
  version               INT           NOT NULL,
  CONSTRAINT fk_deal_centre FOREIGN KEY (centre) REFERENCES centre (code)
);
CREATE INDEX ix_deal_centre_stage ON deal (centre, stage, status);

CREATE TABLE inventor (
  id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  deal_id            VARCHAR(36)   NOT NULL,
  position           INT           NOT NULL,
  name               VARCHAR(200)  NOT NULL,
  email              VARCHAR(200),
  department         VARCHAR(200),
  share_percent      DECIMAL(7,4)  NOT NULL,
  employed_by_owner  BOOLEAN       NOT NULL,
  CONSTRAINT fk_inventor_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);

CREATE TABLE prior_disclosure (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  deal_id       VARCHAR(36)   NOT NULL,
  disclosed_on  DATE          NOT NULL,
  kind          VARCHAR(64)   NOT NULL,
  description   VARCHAR(500),
  CONSTRAINT fk_prior_disclosure_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);

-- One row per job the workers have finished: a redelivered job returns the stored result.
CREATE TABLE processed_job (
  job_key       BIGINT        NOT NULL PRIMARY KEY,
  job_type      VARCHAR(64)   NOT NULL,
  deal_id       VARCHAR(36),
  result        TEXT          NOT NULL,
  processed_at  DATETIME(6)   NOT NULL
);

CREATE TABLE valuation (
  id            BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  deal_id       VARCHAR(36)    NOT NULL,
  method        VARCHAR(32)    NOT NULL,
  currency      VARCHAR(3)     NOT NULL,
  value_amount  DECIMAL(19,4)  NOT NULL,
  inputs        TEXT           NOT NULL,
  details       TEXT           NOT NULL,
  created_by    VARCHAR(64)    NOT NULL,
  computed_at   DATETIME(6)    NOT NULL,
  CONSTRAINT fk_valuation_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);

CREATE TABLE ip_check (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  deal_id       VARCHAR(36)   NOT NULL,
  kind          VARCHAR(16)   NOT NULL,
  result        VARCHAR(32)   NOT NULL,
  list_version  VARCHAR(64),
  score         DECIMAL(5,4),
  evidence      TEXT          NOT NULL,
  checked_at    DATETIME(6)   NOT NULL,
  CONSTRAINT fk_ip_check_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);

CREATE TABLE denied_party (
  id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  list_version  VARCHAR(64)   NOT NULL,
  name          VARCHAR(300)  NOT NULL,
  country       VARCHAR(2),
  source        VARCHAR(100)  NOT NULL
);

CREATE TABLE term_sheet (
  id                      BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  deal_id                 VARCHAR(36)   NOT NULL,
  version                 INT           NOT NULL,
  deal_form               VARCHAR(32)   NOT NULL,
  currency                VARCHAR(3)    NOT NULL,
  upfront_fee             DECIMAL(19,4) NOT NULL,
  royalty_rate            DECIMAL(9,4)  NOT NULL,
  minimum_annual_royalty  DECIMAL(19,4) NOT NULL,
  field_of_use            VARCHAR(200),
  territory               VARCHAR(200),
  created_by              VARCHAR(64)   NOT NULL,
  created_at              DATETIME(6)   NOT NULL,
  CONSTRAINT uq_term_sheet_version UNIQUE (deal_id, version),
  CONSTRAINT fk_term_sheet_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);

CREATE TABLE term_sheet_milestone (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  term_sheet_id  BIGINT        NOT NULL,
  position       INT           NOT NULL,
  name           VARCHAR(200)  NOT NULL,
  amount         DECIMAL(19,4) NOT NULL,
  due_date       DATE          NOT NULL,
  CONSTRAINT fk_milestone_term_sheet FOREIGN KEY (term_sheet_id) REFERENCES term_sheet (id)
);

CREATE TABLE counterparty_response (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  deal_id             VARCHAR(36)   NOT NULL,
  term_sheet_version  INT           NOT NULL,
  round_no            INT           NOT NULL,
  response            VARCHAR(16)   NOT NULL,
  comment_text        VARCHAR(2000),
  recorded_by         VARCHAR(64)   NOT NULL,
  recorded_at         DATETIME(6)   NOT NULL,
  CONSTRAINT uq_response_version UNIQUE (deal_id, term_sheet_version),
  CONSTRAINT fk_response_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);

-- The payment schedule of a signed contract.
CREATE TABLE scheduled_payment (
  id        BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  deal_id   VARCHAR(36)   NOT NULL,
  code      VARCHAR(32)   NOT NULL,
  name      VARCHAR(200)  NOT NULL,
  amount    DECIMAL(19,4) NOT NULL,
  currency  VARCHAR(3)    NOT NULL,
  due_date  DATE          NOT NULL,
  CONSTRAINT uq_scheduled_payment UNIQUE (deal_id, code),
  CONSTRAINT fk_scheduled_payment_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);

CREATE TABLE payment (
  id           VARCHAR(36)   NOT NULL PRIMARY KEY,
  deal_id      VARCHAR(36)   NOT NULL,
  milestone    VARCHAR(32)   NOT NULL,
  amount       DECIMAL(19,4) NOT NULL,
  currency     VARCHAR(3)    NOT NULL,
  received_on  DATE          NOT NULL,
  recorded_by  VARCHAR(64)   NOT NULL,
  recorded_at  DATETIME(6)   NOT NULL,
  CONSTRAINT uq_payment_milestone UNIQUE (deal_id, milestone),
  CONSTRAINT fk_payment_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);

CREATE TABLE distribution_policy (
  code                 VARCHAR(32)   NOT NULL,
  version              INT           NOT NULL,
  name                 VARCHAR(200)  NOT NULL,
  effective_from       DATE          NOT NULL,
  office_fee_percent   DECIMAL(7,4)  NOT NULL,
  deduct_patent_costs  BOOLEAN       NOT NULL,
  PRIMARY KEY (code, version)
);

CREATE TABLE distribution_share (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  policy_code     VARCHAR(32)   NOT NULL,
  policy_version  INT           NOT NULL,
  position        INT           NOT NULL,
  kind            VARCHAR(16)   NOT NULL,
  beneficiary     VARCHAR(200)  NOT NULL,
  weight          DECIMAL(9,4)  NOT NULL,
  CONSTRAINT fk_share_policy FOREIGN KEY (policy_code, policy_version) REFERENCES distribution_policy (code, version)
);

CREATE TABLE ledger_line (
  id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  payment_id      VARCHAR(36)   NOT NULL,
  deal_id         VARCHAR(36)   NOT NULL,
  line_no         INT           NOT NULL,
  kind            VARCHAR(16)   NOT NULL,
  beneficiary     VARCHAR(200)  NOT NULL,
  amount          DECIMAL(19,4) NOT NULL,
  currency        VARCHAR(3)    NOT NULL,
  basis           VARCHAR(300)  NOT NULL,
  policy_code     VARCHAR(32)   NOT NULL,
  policy_version  INT           NOT NULL,
  created_at      DATETIME(6)   NOT NULL,
  CONSTRAINT uq_ledger_line UNIQUE (payment_id, line_no),
  CONSTRAINT fk_ledger_payment FOREIGN KEY (payment_id) REFERENCES payment (id)
);
CREATE INDEX ix_ledger_deal ON ledger_line (deal_id);

-- Human tasks: the job key of the engine's user-task job is the task id.
CREATE TABLE task (
  id                    BIGINT        NOT NULL PRIMARY KEY,
  deal_id               VARCHAR(36)   NOT NULL,
  centre                VARCHAR(16)   NOT NULL,
  element_id            VARCHAR(64)   NOT NULL,
  name                  VARCHAR(200)  NOT NULL,
  candidate_group       VARCHAR(64)   NOT NULL,
  assignee              VARCHAR(64),
  state                 VARCHAR(16)   NOT NULL,
  milestone             VARCHAR(32),
  due_at                DATETIME(6),
  follow_up_at          DATETIME(6),
  process_instance_key  BIGINT        NOT NULL,
  created_at            DATETIME(6)   NOT NULL,
  ended_at              DATETIME(6),
  ended_by              VARCHAR(64),
  outcome               VARCHAR(32),
  version               INT           NOT NULL,
  CONSTRAINT fk_task_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);
CREATE INDEX ix_task_open ON task (state, candidate_group, assignee);
CREATE INDEX ix_task_deal ON task (deal_id);

-- Case history: append-only; the application never updates or deletes a row.
CREATE TABLE history_event (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  deal_id      VARCHAR(36)   NOT NULL,
  occurred_at  DATETIME(6)   NOT NULL,
  actor        VARCHAR(64)   NOT NULL,
  actor_kind   VARCHAR(16)   NOT NULL,
  type         VARCHAR(48)   NOT NULL,
  summary      VARCHAR(500)  NOT NULL,
  data         TEXT          NOT NULL,
  CONSTRAINT fk_history_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);
CREATE INDEX ix_history_deal ON history_event (deal_id, id);

INSERT INTO distribution_policy (code, version, name, effective_from, office_fee_percent, deduct_patent_costs)
VALUES ('STANFORD_CLASSIC', 1, 'Stanford classic: 15% office, patent costs, then thirds to inventors, department and office',
        '2000-01-01', 15.0000, TRUE);
INSERT INTO distribution_share (policy_code, policy_version, position, kind, beneficiary, weight) VALUES
  ('STANFORD_CLASSIC', 1, 1, 'INVENTOR', 'Inventors', 1),
  ('STANFORD_CLASSIC', 1, 2, 'DEPARTMENT', 'Inventors'' department', 1),
  ('STANFORD_CLASSIC', 1, 3, 'OFFICE', 'Technology transfer office', 1);
