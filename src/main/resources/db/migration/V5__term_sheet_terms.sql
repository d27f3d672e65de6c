-- The remaining usual licence terms on each term-sheet version.
ALTER TABLE term_sheet ADD COLUMN sublicence_share DECIMAL(7,4) NULL;
ALTER TABLE term_sheet ADD COLUMN patent_cost_reimbursement DECIMAL(19,4) NULL;
ALTER TABLE term_sheet ADD COLUMN equity_percent DECIMAL(7,4) NULL;
ALTER TABLE term_sheet ADD COLUMN reporting_period VARCHAR(16) NULL;
ALTER TABLE term_sheet ADD COLUMN mar_escalation DECIMAL(7,4) NULL;
