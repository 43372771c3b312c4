-- Reference for `traguardi summary --all` on PostgreSQL (bench/summary_all_bench.py): the
-- same figures as summary_all.sqlite.sql (see there), in PostgreSQL's dialect, in float8.
-- Run with max_parallel_workers_per_gather = 0: serial plans, as traguardi's own queries.
WITH progress AS (
  SELECT ente, vista, objective,
         CASE WHEN count(weight_micro) > 0
              THEN sum(coalesce(weight_micro, 0)::float8 * coalesce(progress_micro, 0))
                   / nullif(sum(coalesce(weight_micro, 0)), 0)
              ELSE avg(coalesce(progress_micro, 0)::float8) END / 1e6 AS value
  FROM phase GROUP BY ente, vista, objective),
capped AS (
  SELECT ente, vista, objective,
         greatest(0.0, least(1.0,
           CASE WHEN scale = 'boolean' THEN (actual_micro >= target_micro)::int::float8
                WHEN polarity = 'lower_is_better' THEN
                  CASE WHEN actual_micro <= target_micro THEN 1.0
                       ELSE target_micro::float8 / actual_micro END
                WHEN target_micro = 0 THEN NULL
                ELSE actual_micro::float8 / target_micro END)) AS c
  FROM indicator WHERE actual_micro IS NOT NULL AND target_micro IS NOT NULL),
achievement AS (
  SELECT ente, vista, objective, avg(c) * 100 AS value
  FROM capped WHERE c IS NOT NULL GROUP BY ente, vista, objective)
SELECT o.ente, count(*), count(*) FILTER (WHERE o.level = 'peg'),
       to_char(avg(p.value), 'FM999990.00'), to_char(avg(a.value), 'FM999990.00')
FROM objective o
LEFT JOIN progress p ON p.ente = o.ente AND p.vista = o.vista AND p.objective = o.code
LEFT JOIN achievement a ON a.ente = o.ente AND a.vista = o.vista AND a.objective = o.code
GROUP BY o.ente ORDER BY o.ente;
