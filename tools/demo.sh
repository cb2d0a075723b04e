#!/usr/bin/env bash
# The main job, run locally: `sdeploy demo` starts the local Kubernetes API server, makes a config repository from
# examples/, and sends pushes, a live edit and a reconcile tick through the same router and deployer as in Lambda.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash tools/bootstrap.sh
dotnet build src/ServerlessDeploy.Cli -c Release --nologo -v quiet -clp:ErrorsOnly >/dev/null
exec dotnet "$root/src/ServerlessDeploy.Cli/bin/Release/net10.0/sdeploy.dll" demo --examples "$root/examples" "$@"
