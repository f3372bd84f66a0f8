#!/usr/bin/env bash
# The Windows build, run for real under Wine (called by .ci/platforms): every query's --json is
# valid JSON with the expected shape, errors keep their exit codes, and `remind --once` falls
# back to printing the reminder (Wine has no notification service) within its deadline.
# Usage: tests/wine.sh WINE EXE
set -uo pipefail
wine="$1" exe="$2"
passed=0 failed=0
check() {
    local what="$1"; shift
    if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $what" >&2; fi
}
run() { timeout 60 "$wine" "$exe" "$@" 2>/tmp/wine-stderr; }

json_is() { local filter="$1"; shift; run "$@" --json | tr -d '\r' | jq -e "$filter" >/dev/null; }
check "myths --json" json_is 'length == 3' myths
check "route --location lower --json" json_is '.code == "A"' route --location lower
check "route --json" json_is 'length == 5' route
check "routine --json" json_is '.steps | length > 0' routine --location sciatic
check "routine --condition --json" json_is '.changes | length > 0' routine --location lower --condition hip-replacement
check "drills --json" json_is 'length > 20' drills
check "sources --json" json_is 'length > 20' sources
check "faq --json" json_is '.questions | length > 3' faq
usage() { run route --location lumbr >/dev/null; [ $? -eq 2 ] && grep -q "did you mean" /tmp/wine-stderr; }
check "a typo is exit 2 with a suggestion" usage
once() {
    local out rc start=$SECONDS
    out=$(run remind --once --location neck | tr -d '\r'); rc=$?
    [ $rc -eq 0 ] && [ $((SECONDS - start)) -le 30 ] && grep -q "Desk break" <<<"$out" && grep -q "Take care" <<<"$out" \
        && grep -q "not as a notification" /tmp/wine-stderr
}
check "remind --once falls back to the terminal and exits 0" once
schedule() { run remind --every 2h --between 09:00-17:30 --print-schedule windows | tr -d '\r' | grep -q "<Task"; }
check "remind --print-schedule windows prints a task" schedule

echo "wine: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
