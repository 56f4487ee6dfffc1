-- Analytics on the stored history (issue 6), the same tables, keys and checks
-- as sqlite/003_analytics.sql. Imported customers keep the id their source
-- system knew them by; every full `patron analyze all` run is a row of
-- analytics_runs and its results hang off it, so the HTTP API answers from the
-- latest finished run without recomputing; aggregates the API shows
-- (segments, popular categories and brands) are kept in the run's summary
-- JSON. Keyed text is VARCHAR (InnoDB cannot index TEXT), ids VARCHAR(64) as
-- in 001; TEXT columns take no default, so inserts give `summary` explicitly.
CREATE TABLE customer_external_ids (
  source VARCHAR(128) NOT NULL,
  external_id VARCHAR(255) NOT NULL,
  customer_id VARCHAR(64) NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (source, external_id),
  INDEX customer_external_ids_by_customer (customer_id),
  FOREIGN KEY (customer_id) REFERENCES users(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE analytics_runs (
  id BIGINT PRIMARY KEY,
  started_at BIGINT NOT NULL,
  finished_at BIGINT,
  status VARCHAR(16) NOT NULL CHECK (status IN ('running', 'finished', 'failed')),
  as_of_day VARCHAR(16) NOT NULL,
  parameters TEXT NOT NULL,
  summary MEDIUMTEXT NOT NULL,
  customers BIGINT NOT NULL DEFAULT 0,
  purchases BIGINT NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE analytics_customer_scores (
  run_id BIGINT NOT NULL,
  customer_id VARCHAR(64) NOT NULL,
  recency_days BIGINT NOT NULL,
  frequency BIGINT NOT NULL,
  monetary_minor BIGINT NOT NULL,
  r_score INTEGER NOT NULL,
  f_score INTEGER NOT NULL,
  m_score INTEGER NOT NULL,
  segment VARCHAR(64) NOT NULL,
  p_alive DOUBLE PRECISION,
  expected_purchases DOUBLE PRECISION,
  expected_avg_spend DOUBLE PRECISION,
  clv DOUBLE PRECISION,
  -- Affinity with recency decay: the first category and brand, and the top
  -- few of each as a JSON array of [value, score] pairs.
  top_category TEXT NOT NULL,
  top_brand TEXT NOT NULL,
  categories TEXT NOT NULL,
  brands TEXT NOT NULL,
  PRIMARY KEY (run_id, customer_id),
  INDEX analytics_scores_by_clv (run_id, clv),
  FOREIGN KEY (run_id) REFERENCES analytics_runs(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE analytics_rules (
  run_id BIGINT NOT NULL,
  rank_no BIGINT NOT NULL,
  antecedent TEXT NOT NULL,
  consequent TEXT NOT NULL,
  support DOUBLE PRECISION NOT NULL,
  confidence DOUBLE PRECISION NOT NULL,
  lift DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (run_id, rank_no),
  FOREIGN KEY (run_id) REFERENCES analytics_runs(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE analytics_cohorts (
  run_id BIGINT NOT NULL,
  first_month VARCHAR(16) NOT NULL,
  months_after BIGINT NOT NULL,
  customers BIGINT NOT NULL,
  active BIGINT NOT NULL,
  PRIMARY KEY (run_id, first_month, months_after),
  FOREIGN KEY (run_id) REFERENCES analytics_runs(id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
