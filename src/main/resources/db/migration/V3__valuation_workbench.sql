-- The broker's choice of the valuation that stands (append-only, the latest counts), and
-- technology ratings.

CREATE TABLE valuation_choice (
  id            BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  deal_id       VARCHAR(36)    NOT NULL,
  valuation_id  BIGINT         NOT NULL,
  reason        VARCHAR(2000)  NOT NULL,
  chosen_by     VARCHAR(64)    NOT NULL,
  chosen_at     DATETIME(6)    NOT NULL,
  CONSTRAINT fk_choice_deal FOREIGN KEY (deal_id) REFERENCES deal (id),
  CONSTRAINT fk_choice_valuation FOREIGN KEY (valuation_id) REFERENCES valuation (id)
);
CREATE INDEX ix_choice_deal ON valuation_choice (deal_id, id);

CREATE TABLE technology_rating (
  id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  deal_id             VARCHAR(36)   NOT NULL,
  management          VARCHAR(1)    NOT NULL,
  technology          VARCHAR(1)    NOT NULL,
  marketability       VARCHAR(1)    NOT NULL,
  business_prospects  VARCHAR(1)    NOT NULL,
  risk_factor         DECIMAL(5,2)  NOT NULL,
  trl                 INT           NOT NULL,
  weighted_score      DECIMAL(5,2)  NOT NULL,
  points              DECIMAL(5,2)  NOT NULL,
  grade               VARCHAR(3)    NOT NULL,
  financeable         BOOLEAN       NOT NULL,
  rated_by            VARCHAR(64)   NOT NULL,
  rated_at            DATETIME(6)   NOT NULL,
  CONSTRAINT fk_rating_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);
