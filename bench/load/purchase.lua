-- Single-line POS purchases with a store API key, spread over the benchmark's
-- customers, each with its own Idempotency-Key as a real till sends.
-- Env: PATRON_API_KEY, PATRON_STORE_ID, PATRON_SKU, PATRON_CUSTOMERS (file of ids)
package.path = os.getenv("PATRON_BENCH_DIR") .. "/?.lua;" .. package.path
local report = require("report")

local customers = {}
for line in io.lines(os.getenv("PATRON_CUSTOMERS")) do customers[#customers + 1] = line end
local api_key, store_id, sku = os.getenv("PATRON_API_KEY"), os.getenv("PATRON_STORE_ID"), os.getenv("PATRON_SKU")

local counter = 0
thread_tag = "0"  -- replaced per thread by setup(), which runs in wrk's main Lua state
local next_tag = 0

function setup(thread)
  next_tag = next_tag + 1
  thread:set("thread_tag", os.time() .. "-" .. next_tag)
end

function request()
  counter = counter + 1
  local customer = customers[(counter % #customers) + 1]
  local body = string.format(
    '{"customer":{"id":"%s"},"store_id":"%s","currency":"USD","lines":[{"sku":"%s","quantity":1}]}',
    customer, store_id, sku)
  return wrk.format("POST", "/api/v1/pos/purchases", {
    ["Content-Type"] = "application/json",
    ["X-Api-Key"] = api_key,
    ["Idempotency-Key"] = "bench-" .. thread_tag .. "-" .. counter,
  }, body)
end

done = report.done
