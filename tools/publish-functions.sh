#!/usr/bin/env bash
# Publishes the functions binary where the CDK app takes it from (setting serverless-deploy:functionsCodePath,
# default artifacts/functions): `bootstrap`, self-contained ReadyToRun for linux-x64 (provided.al2023, x86_64).
# Usage: bash tools/publish-functions.sh [output folder]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/artifacts/functions}"
rm -rf "$out"
# No symbol files: code and layer must stay under Lambda's 250 MB unzipped together.
dotnet publish "$root/src/ServerlessDeploy.Functions" -c Release -r linux-x64 -o "$out" --nologo -p:DebugType=none -p:DebugSymbols=false
if [[ ! -f "$out/bootstrap" ]]; then
  echo "publish-functions: no bootstrap in $out" >&2
  exit 1
fi
echo "publish-functions: $(du -sh "$out" | cut -f1) in $out"
