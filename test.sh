#!/usr/bin/env bash
# Runs every test. Installs what the tests need when it is missing:
#   - Debian's Chromium (browser tests drive it through Playwright),
#   - the npm packages of the test helpers (from their lock files),
# then runs `dotnet test` over the solution and prints one summary line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium (Debian package)..."
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || { echo "could not install chromium"; exit 1; }
fi

while IFS= read -r lock; do
  dir=$(dirname "$lock")
  if [ ! -d "$dir/node_modules" ] || [ "$lock" -nt "$dir/node_modules" ]; then
    echo "Installing npm packages in $dir..."
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in $dir"; exit 1; }
  fi
done < <(find OvhCostManager.Tests -name package-lock.json -not -path '*/node_modules/*')

rm -rf TestResults
dotnet test OvhCostManager.sln --logger "trx;LogFileName=results.trx" --results-directory TestResults --logger "console;verbosity=normal" "$@" 2>&1 | tee TestResults.log
status=${PIPESTATUS[0]}

passed=0; failed=0; skipped=0
for trx in TestResults/*.trx TestResults/**/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ "$failed" -gt 0 ]; then
  # The failures again, at the end where a CI log tail shows them.
  echo "Failed tests:"
  node -e '
    const fs = require("fs"), path = require("path");
    const files = []; (function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (p.endsWith(".trx")) files.push(p); } })("TestResults");
    const unescape = s => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&apos;/g, "\x27").replace(/&amp;/g, "&");
    for (const f of files) {
      const xml = fs.readFileSync(f, "utf8");
      for (const m of xml.matchAll(/<UnitTestResult [^>]*testName="([^"]*)"[^>]*outcome="Failed"[^>]*>([\s\S]*?)<\/UnitTestResult>/g)) {
        const message = (m[2].match(/<Message>([\s\S]*?)<\/Message>/) || [, ""])[1];
        const stack = (m[2].match(/<StackTrace>([\s\S]*?)<\/StackTrace>/) || [, ""])[1];
        console.log("  FAILED " + unescape(m[1]));
        for (const line of unescape(message).split("\n").slice(0, 12)) console.log("    " + line);
        for (const line of unescape(stack).split("\n").filter(l => l.includes("OvhCostManager")).slice(0, 4)) console.log("    " + line.trim());
      }
    }'
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "dotnet test exited with $status (build or runner failure)"; fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
