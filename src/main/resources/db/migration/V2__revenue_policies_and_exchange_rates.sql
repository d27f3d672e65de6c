-- Revenue policies with tiers by a licence's cumulative net income, chosen per centre; exchange
-- rates stored with their date and source; each payment records the rate that reported it.

ALTER TABLE distribution_policy ADD COLUMN threshold_currency VARCHAR(3) NULL;
ALTER TABLE distribution_share ADD COLUMN tier_from DECIMAL(19,4) NOT NULL DEFAULT 0;
ALTER TABLE centre ADD COLUMN revenue_policy VARCHAR(32) NOT NULL DEFAULT 'STANFORD_CLASSIC';

CREATE TABLE exchange_rate (
  id              BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  base_currency   VARCHAR(3)     NOT NULL,
  quote_currency  VARCHAR(3)     NOT NULL,
  rate_date       DATE           NOT NULL,
  rate            DECIMAL(19,10) NOT NULL,
  source          VARCHAR(100)   NOT NULL,
  recorded_by     VARCHAR(64)    NOT NULL,
  recorded_at     DATETIME(6)    NOT NULL,
  CONSTRAINT uq_exchange_rate UNIQUE (base_currency, quote_currency, rate_date, source)
);
CREATE INDEX ix_exchange_rate_lookup ON exchange_rate (base_currency, quote_currency, rate_date);

ALTER TABLE payment ADD COLUMN reporting_currency VARCHAR(3) NULL;
ALTER TABLE payment ADD COLUMN reporting_amount DECIMAL(19,4) NULL;
ALTER TABLE payment ADD COLUMN rate DECIMAL(19,10) NULL;
ALTER TABLE payment ADD COLUMN rate_date DATE NULL;
ALTER TABLE payment ADD COLUMN rate_source VARCHAR(100) NULL;

INSERT INTO distribution_policy (code, version, name, effective_from, office_fee_percent, deduct_patent_costs, threshold_currency)
VALUES
  ('STANFORD_TIERED', 1, 'Stanford tiered: 15% office, patent costs, then by cumulative net income per licence below and above 3M USD',
   '2000-01-01', 15.0000, TRUE, 'USD'),
  ('YEDA', 1, 'Yeda: 40% to the scientists', '2000-01-01', 0.0000, FALSE, NULL),
  ('NOTRE_DAME', 1, 'Notre Dame: after patent costs, inventors 50% of the first 100k USD, 25% above',
   '2000-01-01', 0.0000, TRUE, 'USD'),
  ('CN_DEFAULT', 1, 'China statutory default: at least 50% of net income to the inventors',
   '2015-10-01', 0.0000, TRUE, NULL);

INSERT INTO distribution_share (policy_code, policy_version, position, kind, beneficiary, weight, tier_from) VALUES
  ('STANFORD_TIERED', 1, 1, 'INVENTOR', 'Inventors', 33.34, 0),
  ('STANFORD_TIERED', 1, 2, 'DEPARTMENT', 'Inventors'' department', 24.66, 0),
  ('STANFORD_TIERED', 1, 3, 'SCHOOL', 'School', 21, 0),
  ('STANFORD_TIERED', 1, 4, 'OFFICE', 'Research office', 21, 0),
  ('STANFORD_TIERED', 1, 5, 'INVENTOR', 'Inventors', 33.34, 3000000),
  ('STANFORD_TIERED', 1, 6, 'DEPARTMENT', 'Inventors'' department', 14.66, 3000000),
  ('STANFORD_TIERED', 1, 7, 'SCHOOL', 'School', 26, 3000000),
  ('STANFORD_TIERED', 1, 8, 'OFFICE', 'Research office', 26, 3000000),
  ('YEDA', 1, 1, 'INVENTOR', 'Scientists', 40, 0),
  ('YEDA', 1, 2, 'OFFICE', 'Yeda R&D', 60, 0),
  ('NOTRE_DAME', 1, 1, 'INVENTOR', 'Inventors', 50, 0),
  ('NOTRE_DAME', 1, 2, 'OFFICE', 'University', 50, 0),
  ('NOTRE_DAME', 1, 3, 'INVENTOR', 'Inventors', 25, 100000),
  ('NOTRE_DAME', 1, 4, 'OFFICE', 'University', 75, 100000),
  ('CN_DEFAULT', 1, 1, 'INVENTOR', 'Inventors', 50, 0),
  ('CN_DEFAULT', 1, 2, 'OFFICE', 'Institution', 50, 0);
