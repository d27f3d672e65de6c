-- Running royalties: the licence term, its reporting periods and the licensee's reports.
ALTER TABLE term_sheet ADD COLUMN term_years INT NULL;

CREATE TABLE royalty_period (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  deal_id        VARCHAR(36)  NOT NULL,
  code           VARCHAR(32)  NOT NULL,
  starts_on      DATE         NOT NULL,
  ends_on        DATE         NOT NULL,
  report_due_on  DATE         NOT NULL,
  contract_year  INT          NOT NULL,
  last_of_year   BOOLEAN      NOT NULL,
  CONSTRAINT uq_royalty_period UNIQUE (deal_id, code),
  CONSTRAINT fk_royalty_period_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);

CREATE TABLE royalty_report (
  id                     BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  deal_id                VARCHAR(36)    NOT NULL,
  period_code            VARCHAR(32)    NOT NULL,
  term_sheet_version     INT            NOT NULL,
  currency               VARCHAR(3)     NOT NULL,
  net_sales              DECIMAL(19,4)  NOT NULL,
  royalty_rate           DECIMAL(9,4)   NOT NULL,
  royalty                DECIMAL(19,4)  NOT NULL,
  sublicence_income      DECIMAL(19,4)  NOT NULL,
  sublicence_share       DECIMAL(9,4)   NOT NULL,
  sublicence_royalty     DECIMAL(19,4)  NOT NULL,
  minimum_for_year       DECIMAL(19,4)  NULL,
  earned_in_year         DECIMAL(19,4)  NULL,
  top_up                 DECIMAL(19,4)  NOT NULL,
  due                    DECIMAL(19,4)  NOT NULL,
  reported_on            DATE           NOT NULL,
  reference              VARCHAR(200)   NULL,
  recorded_by            VARCHAR(64)    NOT NULL,
  recorded_at            DATETIME(6)    NOT NULL,
  CONSTRAINT uq_royalty_report UNIQUE (deal_id, period_code),
  CONSTRAINT fk_royalty_report_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);

-- What was done about each date of the filing docket, and when an overdue one raised a task.
CREATE TABLE docket_item (
  id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  deal_id      VARCHAR(36)   NOT NULL,
  item_key     VARCHAR(64)   NOT NULL,
  due_on       DATE          NOT NULL,
  description  VARCHAR(200)  NOT NULL,
  raised_at    DATETIME(6)   NULL,
  action       VARCHAR(16)   NULL,
  reference    VARCHAR(200)  NULL,
  note         VARCHAR(2000) NULL,
  acted_by     VARCHAR(64)   NULL,
  acted_at     DATETIME(6)   NULL,
  CONSTRAINT uq_docket_item UNIQUE (deal_id, item_key),
  CONSTRAINT fk_docket_item_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);

-- A task's subject: the payment, reporting period or docket date it is about.
ALTER TABLE task CHANGE COLUMN milestone subject VARCHAR(64) NULL;
