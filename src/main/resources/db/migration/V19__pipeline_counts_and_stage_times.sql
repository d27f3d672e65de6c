-- Counts of the deals disclosed on each day, kept by the projection as a deal changes, so that the
-- dashboard's counts and funnel read a few rows per centre and day however many deals there are.
-- dimension is STAGE, COUNTRY or FIELD (the deal's current value; '' for no field), or FUNNEL (the
-- steps the deal has reached). open_deals and signed_deals are kept for STAGE, COUNTRY and FIELD.
CREATE TABLE pipeline_day_count (
  centre        VARCHAR(16)  NOT NULL,
  disclosed_on  DATE         NOT NULL,
  dimension     VARCHAR(16)  NOT NULL,
  item          VARCHAR(100) NOT NULL,
  deals         INT          NOT NULL,
  open_deals    INT          NOT NULL,
  signed_deals  INT          NOT NULL,
  PRIMARY KEY (centre, disclosed_on, dimension, item)
);

INSERT INTO pipeline_day_count (centre, disclosed_on, dimension, item, deals, open_deals, signed_deals)
SELECT centre, DATE(disclosed_at), 'STAGE', stage, COUNT(*), SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END),
       COUNT(signed_at)
FROM pipeline_deal GROUP BY centre, DATE(disclosed_at), stage
UNION ALL
SELECT centre, DATE(disclosed_at), 'COUNTRY', target_country, COUNT(*),
       SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END), COUNT(signed_at)
FROM pipeline_deal GROUP BY centre, DATE(disclosed_at), target_country
UNION ALL
SELECT centre, DATE(disclosed_at), 'FIELD', COALESCE(technology_field, ''), COUNT(*),
       SUM(CASE WHEN status = 'OPEN' THEN 1 ELSE 0 END), COUNT(signed_at)
FROM pipeline_deal GROUP BY centre, DATE(disclosed_at), COALESCE(technology_field, '')
UNION ALL
SELECT centre, DATE(disclosed_at), 'FUNNEL', step.item, SUM(CASE step.item
         WHEN 'DISCLOSED' THEN 1 WHEN 'SCREENED' THEN screened_at IS NOT NULL
         WHEN 'VALUED' THEN valued_at IS NOT NULL WHEN 'CLEARED' THEN cleared_at IS NOT NULL
         WHEN 'OFFERED' THEN offered_at IS NOT NULL WHEN 'SIGNED' THEN signed_at IS NOT NULL
         ELSE paid_at IS NOT NULL END), 0, 0
FROM pipeline_deal
CROSS JOIN (SELECT 'DISCLOSED' AS item UNION ALL SELECT 'SCREENED' UNION ALL SELECT 'VALUED'
            UNION ALL SELECT 'CLEARED' UNION ALL SELECT 'OFFERED' UNION ALL SELECT 'SIGNED'
            UNION ALL SELECT 'PAID') step
GROUP BY centre, DATE(disclosed_at), step.item;

-- Each deal's time in each stage it has left: all its stays there, counted in the period its last
-- stay ended. Cycle times rank these rows instead of adding up stays for every request.
CREATE TABLE pipeline_stage_time (
  deal_id  VARCHAR(36)  NOT NULL,
  stage    VARCHAR(32)  NOT NULL,
  centre   VARCHAR(16)  NOT NULL,
  left_at  DATETIME(6)  NOT NULL,
  seconds  BIGINT       NOT NULL,
  PRIMARY KEY (deal_id, stage),
  CONSTRAINT fk_stage_time_deal FOREIGN KEY (deal_id) REFERENCES deal (id)
);
INSERT INTO pipeline_stage_time (deal_id, stage, centre, left_at, seconds)
SELECT deal_id, stage, MIN(centre), MAX(left_at), SUM(seconds) FROM pipeline_stage_visit
WHERE left_at IS NOT NULL GROUP BY deal_id, stage;
CREATE INDEX ix_stage_time_left ON pipeline_stage_time (centre, left_at, stage, seconds);
DROP INDEX ix_stage_visit_centre_left ON pipeline_stage_visit;

-- The times from disclosure to signature and to close, and the count of stalled deals, are read
-- from these indexes alone; stalled deals are listed in the last one's order.
CREATE INDEX ix_pipeline_signed ON pipeline_deal (centre, signed_at, disclosed_at);
CREATE INDEX ix_pipeline_closed ON pipeline_deal (centre, closed_at, disclosed_at);
CREATE INDEX ix_pipeline_open_activity_centre ON pipeline_deal (status, last_activity_at, centre);
DROP INDEX ix_pipeline_open_activity ON pipeline_deal;
