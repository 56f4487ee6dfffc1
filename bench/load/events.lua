-- POST /api/v1/me/events in batches of PATRON_EVENT_BATCH (default 100)
-- behaviour events, rotating over the benchmark customers' tokens.
-- Env: PATRON_TOKENS (file of access tokens), PATRON_EVENT_BATCH
package.path = os.getenv("PATRON_BENCH_DIR") .. "/?.lua;" .. package.path
local report = require("report")

local tokens = {}
for line in io.lines(os.getenv("PATRON_TOKENS")) do tokens[#tokens + 1] = line end
local batch = tonumber(os.getenv("PATRON_EVENT_BATCH") or "100")
local types = { "view", "view", "view", "search", "add_to_cart", "wishlist" }
local parts = {}
for i = 1, batch do
  local kind = types[(i % #types) + 1]
  if kind == "search" then
    parts[i] = '{"type":"search","query":"dark roast beans"}'
  else
    parts[i] = string.format('{"type":"%s","sku":"BENCH-%d","category":"coffee"}', kind, i % 40)
  end
end
local body = '{"events":[' .. table.concat(parts, ",") .. ']}'
local counter = 0

function request()
  counter = counter + 1
  return wrk.format("POST", "/api/v1/me/events", {
    ["Content-Type"] = "application/json",
    Authorization = "Bearer " .. tokens[(counter % #tokens) + 1],
  }, body)
end

done = report.done
