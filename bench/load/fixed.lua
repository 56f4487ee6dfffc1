-- A plain GET of one URL (nginx's fixed JSON body), reported like the others.
package.path = os.getenv("PATRON_BENCH_DIR") .. "/?.lua;" .. package.path
local report = require("report")
done = report.done
