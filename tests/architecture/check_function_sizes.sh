#!/usr/bin/env bash
# No function over 70 lines (issue 15): a function that long does more than one
# thing. C++ is measured by function_sizes_cpp.py (brace matching over
# clang-formatted code), TypeScript and JavaScript by function_sizes_ts.mjs
# (the TypeScript compiler's parse). Every function is within it now; the
# list below is for an exception someone must argue for (file|name|length).
# A listed function that grew fails, and so does one that is within the
# limit again (take it off).
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/tests/architecture"
max_lines=70
allowed="$(cat <<'LIST'
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
