-- The task list reads open tasks by candidate group and by assignee, in due order: one index range each.
CREATE INDEX ix_task_open_group_due ON task (state, candidate_group, due_at);
CREATE INDEX ix_task_open_assignee ON task (state, assignee);
