-- Analytics on the stored history (issue 6). Imported customers keep the id
-- their source system knew them by; every full `patron analyze all` run is a
-- row of analytics_runs and its results hang off it, so the HTTP API answers
-- from the latest finished run without recomputing; aggregates the API shows
-- (segments, popular categories and brands) are kept in the run's summary
-- JSON. Kept to portable types (TEXT/VARCHAR, BIGINT, DOUBLE PRECISION) so the
-- mysql and postgresql files differ only where the dialects must. MySQL: keys are VARCHAR(191) (utf8mb4
-- index limit), TEXT columns take no default, and customer ids carry no
-- foreign key so this file does not depend on 001's exact users.id type.
CREATE TABLE customer_external_ids (
  source VARCHAR(191) NOT NULL,
  external_id VARCHAR(191) NOT NULL,
  customer_id VARCHAR(191) NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (source, external_id)
);
CREATE INDEX customer_external_ids_by_customer ON customer_external_ids (customer_id);

CREATE TABLE analytics_runs (
  id BIGINT PRIMARY KEY,
  started_at BIGINT NOT NULL,
  finished_at BIGINT,
  status VARCHAR(191) NOT NULL CHECK (status IN ('running', 'finished', 'failed')),
  as_of_day VARCHAR(191) NOT NULL,
  parameters TEXT NOT NULL,
  summary TEXT NOT NULL,
  customers BIGINT NOT NULL DEFAULT 0,
  purchases BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE analytics_customer_scores (
  run_id BIGINT NOT NULL REFERENCES analytics_runs(id),
  customer_id VARCHAR(191) NOT NULL,
  recency_days BIGINT NOT NULL,
  frequency BIGINT NOT NULL,
  monetary_minor BIGINT NOT NULL,
  r_score INTEGER NOT NULL,
  f_score INTEGER NOT NULL,
  m_score INTEGER NOT NULL,
  segment VARCHAR(191) NOT NULL,
  p_alive DOUBLE PRECISION,
  expected_purchases DOUBLE PRECISION,
  expected_avg_spend DOUBLE PRECISION,
  clv DOUBLE PRECISION,
  -- Affinity with recency decay: the first category and brand, and the top
  -- few of each as a JSON array of [value, score] pairs.
  top_category VARCHAR(191) NOT NULL,
  top_brand VARCHAR(191) NOT NULL,
  categories TEXT NOT NULL,
  brands TEXT NOT NULL,
  PRIMARY KEY (run_id, customer_id)
);
CREATE INDEX analytics_scores_by_clv ON analytics_customer_scores (run_id, clv);

CREATE TABLE analytics_rules (
  run_id BIGINT NOT NULL REFERENCES analytics_runs(id),
  rank_no BIGINT NOT NULL,
  antecedent TEXT NOT NULL,
  consequent VARCHAR(191) NOT NULL,
  support DOUBLE PRECISION NOT NULL,
  confidence DOUBLE PRECISION NOT NULL,
  lift DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (run_id, rank_no)
);

CREATE TABLE analytics_cohorts (
  run_id BIGINT NOT NULL REFERENCES analytics_runs(id),
  first_month VARCHAR(191) NOT NULL,
  months_after BIGINT NOT NULL,
  customers BIGINT NOT NULL,
  active BIGINT NOT NULL,
  PRIMARY KEY (run_id, first_month, months_after)
);
