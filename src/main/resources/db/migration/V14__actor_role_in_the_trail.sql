-- Who acted, with the roles they held at that moment (null for the application's workers and for
-- events written before roles were kept). Part of the event's hash when present.
ALTER TABLE history_event ADD COLUMN actor_role VARCHAR(100) NULL;
CREATE INDEX ix_history_occurred ON history_event (occurred_at);
CREATE INDEX ix_history_actor ON history_event (actor, occurred_at);
CREATE INDEX ix_history_type ON history_event (type, occurred_at);
