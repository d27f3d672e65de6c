-- Locking a deal's open tasks (when a payment is split or a deal closes) must lock only that deal's
-- rows: through the state-first indexes it locked every open task and deadlocked with other deals'
-- completions. With (deal_id, state) the lock covers the deal's open tasks alone.
CREATE INDEX ix_task_deal_state ON task (deal_id, state);
DROP INDEX ix_task_deal ON task;
