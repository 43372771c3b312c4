-- Reference for `traguardi summary --all` on SQLite (bench/summary_all_bench.py): per ente,
-- objectives, PEG objectives, mean objective progress and mean objective achievement, with
-- the rules of src/core/figures.h (strict progress, missing avanzamento = 0, normalised
-- weights, equal weights when no fase has a peso; achievement capped at 100%), in floating
-- point. Values in the database are integer micro-units.
WITH progress AS (
  SELECT ente, vista, objective,
         CASE WHEN count(weight_micro) > 0
              THEN CASE WHEN sum(coalesce(weight_micro, 0)) = 0 THEN NULL
                        ELSE sum(coalesce(weight_micro, 0) * 1.0 * coalesce(progress_micro, 0))
                             / sum(coalesce(weight_micro, 0)) END
              ELSE avg(coalesce(progress_micro, 0)) END / 1e6 AS value
  FROM phase GROUP BY ente, vista, objective),
capped AS (
  SELECT ente, vista, objective,
         max(0.0, min(1.0,
           CASE WHEN scale = 'boolean' THEN (actual_micro >= target_micro) * 1.0
                WHEN polarity = 'lower_is_better' THEN
                  CASE WHEN actual_micro <= target_micro THEN 1.0
                       ELSE target_micro * 1.0 / actual_micro END
                WHEN target_micro = 0 THEN NULL
                ELSE actual_micro * 1.0 / target_micro END)) AS c
  FROM indicator WHERE actual_micro IS NOT NULL AND target_micro IS NOT NULL),
achievement AS (
  SELECT ente, vista, objective, avg(c) * 100 AS value
  FROM capped WHERE c IS NOT NULL GROUP BY ente, vista, objective)
SELECT o.ente, count(*), sum(o.level = 'peg'), printf('%.2f', avg(p.value)),
       printf('%.2f', avg(a.value))
FROM objective o
LEFT JOIN progress p ON p.ente = o.ente AND p.vista = o.vista AND p.objective = o.code
LEFT JOIN achievement a ON a.ente = o.ente AND a.vista = o.vista AND a.objective = o.code
GROUP BY o.ente ORDER BY o.ente;
