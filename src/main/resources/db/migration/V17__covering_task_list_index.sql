-- The task list counts and pages a group's open tasks from this index alone, in due order.
CREATE INDEX ix_task_open_list ON task (state, candidate_group, due_at, centre, assignee, created_at, element_id);
DROP INDEX ix_task_open_group_due ON task;
