#!/usr/bin/env bash
# npm test: every stage runs and reports, even after an earlier one failed; the exit status
# is non-zero when any failed. The E2E stage needs the builds, so it waits for them.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
summary=()

stage() {
  local name=$1
  shift
  local start=$SECONDS
  echo
  echo "=== $name ==="
  if "$@"; then
    passed=$((passed + 1))
    summary+=("  ok      $name ($((SECONDS - start)) s)")
    return 0
  fi
  failed=$((failed + 1))
  summary+=("  FAILED  $name ($((SECONDS - start)) s)")
  return 1
}

stage typecheck npx tsc --noEmit
stage unit npx vitest run
if stage builds npm run --silent build:all; then
  stage e2e npx vitest run --config vitest.e2e.config.ts
  stage lint:firefox npx web-ext lint -s .output/firefox-mv2 --self-hosted
  # The zips the stores take, and the sources zip holding only the project's own files.
  stage store-zips bash -c 'npx wxt zip -b firefox >/dev/null && node scripts/check-sources-zip.mjs'
else
  failed=$((failed + 3))
  summary+=("  FAILED  e2e (not run: the builds failed)" "  FAILED  lint:firefox (not run: the builds failed)" "  FAILED  store-zips (not run: the builds failed)")
fi

echo
echo "=== summary ==="
printf '%s\n' "${summary[@]}"
echo "stages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
