-- The policy a payment is split by is fixed when it is received; a broker's revision of the
-- valuation inputs supersedes an earlier choice of valuation.
ALTER TABLE payment ADD COLUMN policy_code VARCHAR(32) NULL;
ALTER TABLE deal ADD COLUMN valuation_revised_at DATETIME(6) NULL;
