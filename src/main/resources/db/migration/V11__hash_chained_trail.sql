-- Each deal's history is a hash chain: every event carries its place in the deal's sequence, the
-- previous event's hash and its own hash over its content and that previous hash. The head row
-- keeps the last place and hash, so losing the newest events is as visible as changing old ones.
ALTER TABLE history_event ADD COLUMN seq INT NULL;
ALTER TABLE history_event ADD COLUMN prev_hash VARCHAR(64) NULL;
ALTER TABLE history_event ADD COLUMN hash VARCHAR(64) NULL;
CREATE UNIQUE INDEX uq_history_seq ON history_event (deal_id, seq);

CREATE TABLE trail_head (
  deal_id  VARCHAR(36)  NOT NULL PRIMARY KEY,
  seq      INT          NOT NULL,
  hash     VARCHAR(64)  NOT NULL,
  CONSTRAINT fk_trail_head_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);
