-- How long deals took, as counts per centre, month and class of duration, so that the dashboard's
-- medians and 90th percentiles read a few rows per centre and month however many deals there are.
-- measure is a stage (each deal's time there, in the month its last stay there ended),
-- DISCLOSURE_TO_SIGNATURE or DISCLOSURE_TO_CLOSE (in the month of signing or closing), or
-- SIGNATURE_DAYS (signatures by the days they took: 0-30, 31-90, 91-180, 181-365, more, as bucket 0 to 4).
-- For durations the bucket is a class of 64 per doubling of seconds (below 64 seconds, the seconds
-- themselves): a class's middle is within 1/128 of every duration in it.
CREATE TABLE pipeline_month_time (
  centre    VARCHAR(16) NOT NULL,
  in_month  DATE        NOT NULL,
  measure   VARCHAR(32) NOT NULL,
  bucket    SMALLINT    NOT NULL,
  deals     INT         NOT NULL,
  PRIMARY KEY (centre, in_month, measure, bucket)
);

INSERT INTO pipeline_month_time (centre, in_month, measure, bucket, deals)
SELECT centre, in_month, measure, CASE
         WHEN measure = 'SIGNATURE_DAYS' THEN CASE WHEN s DIV 86400 <= 30 THEN 0 WHEN s DIV 86400 <= 90 THEN 1
           WHEN s DIV 86400 <= 180 THEN 2 WHEN s DIV 86400 <= 365 THEN 3 ELSE 4 END
         WHEN s < 64 THEN GREATEST(s, 0)
         ELSE (LENGTH(BIN(s)) - 6) * 64 + ((s >> (LENGTH(BIN(s)) - 7)) & 63) END b, COUNT(*)
FROM (
  SELECT centre, DATE_FORMAT(left_at, '%Y-%m-01') in_month, stage measure, seconds s FROM pipeline_stage_time
  UNION ALL
  SELECT centre, DATE_FORMAT(signed_at, '%Y-%m-01'), 'DISCLOSURE_TO_SIGNATURE',
         TIMESTAMPDIFF(SECOND, disclosed_at, signed_at) FROM pipeline_deal WHERE signed_at IS NOT NULL
  UNION ALL
  SELECT centre, DATE_FORMAT(signed_at, '%Y-%m-01'), 'SIGNATURE_DAYS',
         TIMESTAMPDIFF(SECOND, disclosed_at, signed_at) FROM pipeline_deal WHERE signed_at IS NOT NULL
  UNION ALL
  SELECT centre, DATE_FORMAT(closed_at, '%Y-%m-01'), 'DISCLOSURE_TO_CLOSE',
         TIMESTAMPDIFF(SECOND, disclosed_at, closed_at) FROM pipeline_deal WHERE closed_at IS NOT NULL
) t
GROUP BY centre, in_month, measure, b;

-- Open deals per centre and day of their last activity by a person (or their disclosure), so that
-- stalled deals are counted from a few rows per centre and day.
CREATE TABLE pipeline_activity_count (
  centre      VARCHAR(16) NOT NULL,
  active_on   DATE        NOT NULL,
  open_deals  INT         NOT NULL,
  PRIMARY KEY (centre, active_on)
);

INSERT INTO pipeline_activity_count (centre, active_on, open_deals)
SELECT centre, DATE(last_activity_at), COUNT(*) FROM pipeline_deal WHERE status = 'OPEN'
GROUP BY centre, DATE(last_activity_at);

-- Stalled deals are listed (up to 10,000 in a download) from this index alone, in its order and
-- without reading each deal's projection row; only their reference and title come from the deal.
-- deal_id is named before stage so the index is in the list's order (activity, centre, deal):
-- after stage, as InnoDB would append it, it would leave every stalled deal to be sorted.
CREATE INDEX ix_pipeline_open_activity_stage ON pipeline_deal (status, last_activity_at, centre, deal_id, stage);
DROP INDEX ix_pipeline_open_activity_centre ON pipeline_deal;
