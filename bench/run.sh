#!/usr/bin/env bash
# Builds in Release and runs the benchmarks; prints Markdown tables (copy them into the README's Performance section).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash tools/bootstrap.sh
# The CLI is measured as it ships (ReadyToRun, as the Lambda functions are published).
dotnet publish src/ServerlessDeploy.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o bench/.out/sdeploy --nologo -v quiet -clp:ErrorsOnly >/dev/null
SDEPLOY_BENCH_CLI="$root/bench/.out/sdeploy/sdeploy.dll" dotnet run --project bench/ServerlessDeploy.Bench -c Release -- "$@"
