-- Who else holds rights in an invention, and the countries where protection is sought.

CREATE TABLE co_owner (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  deal_id        VARCHAR(36)   NOT NULL,
  position       INT           NOT NULL,
  name           VARCHAR(200)  NOT NULL,
  country        VARCHAR(2)    NOT NULL,
  share_percent  DECIMAL(7,4)  NOT NULL,
  CONSTRAINT fk_co_owner_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);

CREATE TABLE sponsor (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  deal_id        VARCHAR(36)   NOT NULL,
  position       INT           NOT NULL,
  name           VARCHAR(200)  NOT NULL,
  rights         VARCHAR(32)   NOT NULL,
  CONSTRAINT fk_sponsor_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);

CREATE TABLE filing_country (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  deal_id        VARCHAR(36)   NOT NULL,
  position       INT           NOT NULL,
  country        VARCHAR(2)    NOT NULL,
  CONSTRAINT fk_filing_country_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);
