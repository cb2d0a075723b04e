#!/usr/bin/env bash
# Publishes the functions into a folder, the way `cdk synth` bundles them (infra/ServerlessDeploy.Infra/Bundling/FunctionsPublish.cs
# holds the publish arguments): `bootstrap`, Native AOT for linux-x64 (provided.al2023, x86_64).
# `cdk deploy` needs no such step; a folder published here serves the setting serverless-deploy:functionsCodePath.
# Usage: bash tools/publish-functions.sh [output folder, default artifacts/functions]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$root/artifacts/functions}")"
rm -rf "$out"
cd "$root"
dotnet run --project infra/ServerlessDeploy.Infra -- publish-functions "$out"
