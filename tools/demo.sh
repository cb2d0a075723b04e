#!/usr/bin/env bash
# The main job, run locally: start the local Kubernetes API server, render the three example workloads
# with the real kubectl kustomize and helm, apply them server-side, and show drift being found.
# (Becomes `sdeploy demo` once the sync engine exists.)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash tools/bootstrap.sh
dotnet build src/ServerlessDeploy.Cli -c Release --nologo -v quiet -clp:ErrorsOnly >/dev/null

state="$(mktemp -d)"
kubeconfig="$state/kubeconfig"
dotnet src/ServerlessDeploy.Cli/bin/Release/net10.0/sdeploy.dll cluster --kubeconfig "$kubeconfig" >"$state/cluster.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$state"' EXIT
for _ in $(seq 100); do [[ -f "$kubeconfig" ]] && break; sleep 0.1; done
[[ -f "$kubeconfig" ]] || { echo "local API server did not start:"; cat "$state/cluster.log"; exit 1; }

kubectl() { "$root/tools/bin/kubectl/kubectl" --kubeconfig "$kubeconfig" "$@"; }
helm() { "$root/tools/bin/helm/helm" "$@"; }
step() { printf '\n== %s\n' "$1"; }
workloads=examples/workloads

step "local API server: $(grep -o 'http://[^ ]*' "$state/cluster.log")"
kubectl version | sed -n 's/^Server/  server/p'

deploy() { # name namespace render-command...
  local name=$1 ns=$2; shift 2
  local start=$SECONDS
  printf 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: %s\n' "$ns" | kubectl apply --server-side -f - >/dev/null
  "$@" | kubectl apply --server-side --field-manager=serverless-deploy -n "$ns" -f -
  echo "  $name deployed to $ns in $((SECONDS - start))s"
}

step "render and apply the example apps"
deploy guestbook demo-guestbook awk 'FNR == 1 { print "---" } 1' $workloads/guestbook/*.yaml
deploy podinfo demo-podinfo kubectl kustomize $workloads/podinfo/overlays/production
deploy redis demo-redis helm template cache $workloads/redis-chart --namespace demo-redis --set replicas=2

step "what the cluster holds"
kubectl get deploy,statefulset,svc,cm -A

step "diff against Git: nothing to do"
kubectl diff --server-side --field-manager=serverless-deploy -n demo-podinfo -f <(kubectl kustomize $workloads/podinfo/overlays/production) && echo "  in sync"

step "someone edits the live Deployment (replicas 3 -> 7)"
kubectl patch deploy prod-podinfo -n demo-podinfo --type=merge -p '{"spec":{"replicas":7}}'
if kubectl diff --server-side --force-conflicts --field-manager=serverless-deploy -n demo-podinfo -f <(kubectl kustomize $workloads/podinfo/overlays/production); then
  echo "drift was not detected" >&2; exit 1
fi
echo "  drift found on spec.replicas"

step "heal it from Git"
kubectl kustomize $workloads/podinfo/overlays/production | kubectl apply --server-side --force-conflicts --field-manager=serverless-deploy -n demo-podinfo -f -
kubectl get deploy prod-podinfo -n demo-podinfo -o jsonpath='  replicas back to {.spec.replicas}{"\n"}'
