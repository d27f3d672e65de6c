-- Optimistic locking on the remaining aggregates that change after they are written: two admins
-- editing one user or centre, or two brokers acting on one docket date, cannot both win silently.
ALTER TABLE app_user ADD COLUMN version INT NOT NULL DEFAULT 0;
ALTER TABLE centre ADD COLUMN version INT NOT NULL DEFAULT 0;
ALTER TABLE docket_item ADD COLUMN version INT NOT NULL DEFAULT 0;
