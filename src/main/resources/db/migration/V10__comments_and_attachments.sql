-- Comments and files on a deal, or on one of its tasks. Files live outside the database and the
-- web root, under a generated name; the row keeps the name given, the type, the size and the hash.
CREATE TABLE note (
  id          BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  deal_id     VARCHAR(36)    NOT NULL,
  task_id     BIGINT         NULL,
  author      VARCHAR(64)    NOT NULL,
  body        VARCHAR(4000)  NOT NULL,
  created_at  DATETIME(6)    NOT NULL,
  CONSTRAINT fk_note_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);
CREATE INDEX ix_note_deal ON note (deal_id);

CREATE TABLE attachment (
  id            BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
  deal_id       VARCHAR(36)    NOT NULL,
  task_id       BIGINT         NULL,
  file_name     VARCHAR(200)   NOT NULL,
  content_type  VARCHAR(100)   NOT NULL,
  size_bytes    BIGINT         NOT NULL,
  sha256        VARCHAR(64)    NOT NULL,
  stored_as     VARCHAR(64)    NOT NULL,
  uploaded_by   VARCHAR(64)    NOT NULL,
  uploaded_at   DATETIME(6)    NOT NULL,
  CONSTRAINT fk_attachment_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);
CREATE INDEX ix_attachment_deal ON attachment (deal_id);
