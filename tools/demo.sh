#!/usr/bin/env bash
# The main job, run locally: start the local Kubernetes API server, sync the three example Applications
# (plain YAML, Kustomize, Helm) with sdeploy, then show drift being found and healed.
# (Becomes `sdeploy demo`, with the event pipeline, in a later issue.)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash tools/bootstrap.sh
dotnet build src/ServerlessDeploy.Cli -c Release --nologo -v quiet -clp:ErrorsOnly >/dev/null

state="$(mktemp -d)"
kubeconfig="$state/kubeconfig"
sdeploy() { dotnet "$root/src/ServerlessDeploy.Cli/bin/Release/net10.0/sdeploy.dll" "$@"; }
kubectl() { "$root/tools/bin/kubectl/kubectl" --kubeconfig "$kubeconfig" "$@"; }
# Started directly (not through the function) so $! is the server itself, which stops cleanly on SIGTERM.
dotnet "$root/src/ServerlessDeploy.Cli/bin/Release/net10.0/sdeploy.dll" cluster --kubeconfig "$kubeconfig" >"$state/cluster.log" 2>&1 &
server=$!
trap 'status=$?; kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$state"; exit $status' EXIT
for _ in $(seq 100); do [[ -f "$kubeconfig" ]] && break; sleep 0.1; done
[[ -f "$kubeconfig" ]] || { echo "local API server did not start:"; cat "$state/cluster.log"; exit 1; }

step() { printf '\n== %s\n' "$1"; }
timed() { local start=$SECONDS; "$@"; echo "   ($((SECONDS - start))s)"; }

step "local API server: $(grep -o 'http://[^ ]*' "$state/cluster.log")"
for app in guestbook podinfo redis; do
  step "sync $app (examples/apps/$app.yaml)"
  timed sdeploy app sync "examples/apps/$app.yaml" --kubeconfig "$kubeconfig" --timeout 60
done

step "diff against Git: nothing to do"
sdeploy app diff examples/apps/podinfo.yaml --kubeconfig "$kubeconfig"

step "someone edits the live Deployment (replicas 3 -> 7)"
kubectl patch deploy prod-podinfo -n demo-podinfo --type=merge -p '{"spec":{"replicas":7}}'
if sdeploy app diff examples/apps/podinfo.yaml --kubeconfig "$kubeconfig"; then
  echo "drift was not detected" >&2; exit 1
fi

step "heal it from Git"
timed sdeploy app sync examples/apps/podinfo.yaml --kubeconfig "$kubeconfig"
sdeploy app get examples/apps/podinfo.yaml --kubeconfig "$kubeconfig"
