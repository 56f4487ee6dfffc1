#!/usr/bin/env bash
# No function over 70 lines (issue 15): a function that long does more than one
# thing. C++ is measured by function_sizes_cpp.py (brace matching over
# clang-formatted code), TypeScript and JavaScript by function_sizes_ts.mjs
# (the TypeScript compiler's parse). Functions still over the limit are listed
# by file and name with their length today; the list only shrinks: a new long
# function fails, so does a listed one that grew, and so does a listed one
# that is now within the limit (take it off).
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/tests/architecture"
max_lines=70
allowed="$(cat <<'LIST'
tests/http/analytics.test.mjs|test: import then analyze all stores a run the endpoints answer from|116
tests/simulation/ledger-simulation.mjs|main|106
web/e2e/currencies.spec.ts|test: an admin adds, edits and removes an exchange rate|92
web/e2e/global-setup.ts|globalSetup|74
web/e2e/journey.spec.ts|test: customer and staff journey|281
web/e2e/offers.spec.ts|test: an admin runs a personalized campaign; a customer activates and uses the o|206
web/e2e/portal.spec.ts|test: the member portal is a loyalty hub without internal data|205
web/e2e/shop.spec.ts|test: a customer fills a cart, is sent to Stripe, and sees the points once the p|79
web/e2e/staff-recovery.spec.ts|test: account recovery and staff workflows|179
web/src/app/layouts/ConsoleLayout.tsx|ConsoleLayout|72
web/src/features/campaigns/components/CampaignActions.tsx|CampaignActions|109
web/src/features/campaigns/components/CampaignEditor.tsx|CampaignEditor|184
web/src/features/campaigns/components/CampaignReport.tsx|ReportView|102
web/src/features/catalog/components/ResourceManager.tsx|ResourceManager|126
web/src/features/currencies/components/CurrencyRatesManager.tsx|CurrencyRatesManager|175
web/src/features/currencies/components/RateForm.tsx|RateForm|71
web/src/features/pos/components/PurchaseForm.tsx|PurchaseForm|146
web/src/features/pos/components/ReturnForm.tsx|ReturnForm|90
web/src/lib/api.ts|createApiClient|118
LIST
)"
cd "$root"
if [ ! -d web/node_modules/typescript ]; then
  echo "function sizes: web/node_modules/typescript is missing: run make npm (make test does)"; exit 1
fi
measured="$(
  find src tests bench -type f \( -name '*.cpp' -o -name '*.h' \) -print0 | sort -z |
    xargs -0 python3 "$here/function_sizes_cpp.py" "$max_lines"
  find web/src web/e2e tests bench -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.mjs' \) \
    -not -name 'schema.d.ts' -not -path '*/node_modules/*' -print0 | sort -z |
    xargs -0 node "$here/function_sizes_ts.mjs" "$max_lines"
)" || { echo "function sizes: the measuring failed"; exit 1; }
failed=0
declare -A ceiling seen
while IFS='|' read -r file name lines; do [ -n "$file" ] && ceiling["$file|$name"]=$lines; done <<<"$allowed"
while read -r location lines name; do
  [ -z "$location" ] && continue
  key="${location%:*}|$name"
  listed=${ceiling[$key]:-}
  seen[$key]=1
  if [ -z "$listed" ]; then
    echo "function sizes: $location $name has $lines lines (at most $max_lines): split it by purpose"; failed=1
  elif [ "$lines" -gt "$listed" ]; then
    echo "function sizes: $location $name grew to $lines lines (listed at $listed): split it, do not grow it"; failed=1
  fi
done <<<"$measured"
for key in "${!ceiling[@]}"; do
  [ -n "${seen[$key]:-}" ] || { echo "function sizes: ${key/|/ } is within $max_lines lines or gone: take it off the list in $0"; failed=1; }
done
[ "$failed" = 0 ] && echo "function sizes: ok"
exit "$failed"
