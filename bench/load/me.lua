-- GET /api/v1/me, rotating over the benchmark customers' access tokens.
-- Env: PATRON_TOKENS (file of access tokens)
package.path = os.getenv("PATRON_BENCH_DIR") .. "/?.lua;" .. package.path
local report = require("report")

local tokens = {}
for line in io.lines(os.getenv("PATRON_TOKENS")) do tokens[#tokens + 1] = line end
local counter = 0

function request()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/me", { Authorization = "Bearer " .. tokens[(counter % #tokens) + 1] })
end

done = report.done
