-- Export-control catalogues (per exporting country, versioned) and aliases of denied parties.

CREATE TABLE export_control_item (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  list_version   VARCHAR(64)   NOT NULL,
  country        VARCHAR(2)    NOT NULL,
  code           VARCHAR(32)   NOT NULL,
  category       VARCHAR(16)   NOT NULL,
  title          VARCHAR(300)  NOT NULL,
  keywords       VARCHAR(1000) NOT NULL
);
CREATE INDEX ix_export_item_version ON export_control_item (country, list_version);

-- Other names of a listed party (transliterations, former names), separated by semicolons.
ALTER TABLE denied_party ADD COLUMN aliases VARCHAR(2000) NULL;
