#!/usr/bin/env bash
# Builds in Release and runs the benchmarks; prints Markdown tables (copy them into the README's Performance section).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash tools/bootstrap.sh
dotnet build src/ServerlessDeploy.Cli -c Release --nologo -v quiet -clp:ErrorsOnly >/dev/null
dotnet run --project bench/ServerlessDeploy.Bench -c Release -- "$@"
