#!/usr/bin/env bash
# Builds in Release and runs the benchmarks; prints Markdown tables (copy them into the README's Performance section).
# Usage: bash bench/run.sh [sizes…]; BENCH_LATENCIES_MS=0,5 picks the API latencies the sync benchmark runs at; COLDSTART_HANDLERS=webhook,router,deployer COLDSTART_RUNS=20 pick the cold-start handlers and
# starts; BENCH_CONTROLLER_DELAYS_S=2,0 picks the rollout benchmark's controller delays; BENCH_ONLY=sync, rollout, dashboard, fleet or coldstart runs one of the five; BENCH_FLEET_APPS=1000 picks the fleet sizes and
# BENCH_APP_RESOURCES=1000 the size of the one app whose first sync by events replay follows the fleet rows.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [[ "${BENCH_ONLY:-}" != coldstart ]]; then
  # kubectl, the sync benchmark's peer; the rollout and dashboard benchmarks need no tool.
  [[ "${BENCH_ONLY:-}" == rollout || "${BENCH_ONLY:-}" == dashboard ]] || bash tools/bootstrap.sh
  # The CLI is measured as it ships (ReadyToRun, as the Lambda functions are published).
  dotnet publish src/ServerlessDeploy.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o bench/.out/sdeploy --nologo -v quiet -clp:ErrorsOnly >/dev/null
  SDEPLOY_BENCH_CLI="$root/bench/.out/sdeploy/sdeploy.dll" dotnet run --project bench/ServerlessDeploy.Bench -c Release -- "$@"
fi
[[ "${BENCH_ONLY:-}" == sync || "${BENCH_ONLY:-}" == rollout || "${BENCH_ONLY:-}" == dashboard || "${BENCH_ONLY:-}" == fleet ]] && exit 0

# Cold start of the Lambda bootstrap: ReadyToRun self-contained, and Native AOT when it compiles.
rm -rf bench/.out/functions-r2r bench/.out/functions-aot
dotnet publish src/ServerlessDeploy.Functions -c Release -o bench/.out/functions-r2r --nologo -v quiet -clp:ErrorsOnly >/dev/null
published=(--publish "ReadyToRun=bench/.out/functions-r2r")
if dotnet publish src/ServerlessDeploy.Functions -c Release -p:FunctionsAot=true -o bench/.out/functions-aot \
    --nologo -v quiet -clp:ErrorsOnly >bench/.out/functions-aot.log 2>&1; then
  published+=(--publish "Native AOT=bench/.out/functions-aot")
else
  echo "Native AOT publish failed; measuring ReadyToRun only. Reason:" >&2
  grep -E "error" bench/.out/functions-aot.log | sort -u >&2 || cat bench/.out/functions-aot.log >&2
fi
for out in bench/.out/functions-r2r bench/.out/functions-aot; do
  if [[ -d "$out" ]]; then echo "published $out: $(du -sh --exclude='*.pdb' --exclude='*.dbg' "$out" | cut -f1) (bootstrap $(du -h "$out/bootstrap" | cut -f1))"; fi
done
dotnet run --project bench/ServerlessDeploy.ColdStart -c Release -- --events events \
  --node bench/ServerlessDeploy.ColdStart/peer/bootstrap.mjs "${published[@]}" \
  --handlers "${COLDSTART_HANDLERS:-webhook,router,deployer}" --runs "${COLDSTART_RUNS:-20}"
