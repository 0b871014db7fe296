#!/usr/bin/env bash
# Bootstrap: find (or install) the .NET SDK that global.json asks for, rebuild the build project only when
# one of its inputs changed, then run the compiled build directly. With nothing changed this costs one
# `find` and one `dotnet _build.dll` — no MSBuild, no `dotnet run`.
set -eo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TEMP="$ROOT/.nuke/temp"
OUT="$TEMP/build-bin"
DLL="$OUT/_build.dll"
STAMP="$TEMP/build.fingerprint"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_UI_LANGUAGE=en

# Everything that can change the compiled build: its sources, its libraries' sources, and the MSBuild/SDK settings.
fingerprint() {
  local inputs=(build src global.json Directory.Build.props Directory.Packages.props .editorconfig)
  (
    cd "$ROOT"
    local existing=()
    for input in "${inputs[@]}"; do [ -e "$input" ] && existing+=("$input"); done
    if find . -maxdepth 0 -printf '' >/dev/null 2>&1; then
      find "${existing[@]}" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name '*.json' -o -name '.editorconfig' \) \
        -not -path '*/bin/*' -not -path '*/obj/*' -printf '%p %T@ %s\n'
    else
      find "${existing[@]}" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name '*.json' -o -name '.editorconfig' \) \
        -not -path '*/bin/*' -not -path '*/obj/*' -exec stat -f '%N %m %z' {} +
    fi
  ) | LC_ALL=C sort | cksum
}

# Does this SDK version satisfy global.json (version + rollForward latestFeature: same major.minor, feature band at least as high)?
satisfies() {
  local have=$1 want=$2
  local hmaj hmin hpatch wmaj wmin wpatch
  IFS=. read -r hmaj hmin hpatch <<<"${have%%-*}"
  IFS=. read -r wmaj wmin wpatch <<<"${want%%-*}"
  [ "$hmaj" = "$wmaj" ] && [ "$hmin" = "$wmin" ] && [ "${hpatch:-0}" -ge "${wpatch:-0}" ]
}

find_dotnet() {
  local want candidate sdk
  want=$(sed -n 's/.*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$ROOT/global.json" | head -1)
  for candidate in "$(command -v dotnet 2>/dev/null || true)" "$TEMP/dotnet-sdk/dotnet"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    while read -r sdk _; do
      if satisfies "$sdk" "$want"; then echo "$candidate"; return 0; fi
    done < <("$candidate" --list-sdks 2>/dev/null)
  done

  echo "build.sh: no .NET SDK satisfies global.json ($want); installing one under .nuke/temp/dotnet-sdk" >&2
  mkdir -p "$TEMP"
  local script="$TEMP/dotnet-install.sh" url="https://dot.net/v1/dotnet-install.sh"
  if ! { command -v curl >/dev/null && curl -fsSL --retry 2 "$url" -o "$script"; } &&
     ! { command -v wget >/dev/null && wget -q "$url" -O "$script"; }; then
    echo "build.sh: could not download $url — install the .NET SDK ${want%.*} (https://dotnet.microsoft.com/download) and run again." >&2
    return 1
  fi
  if ! bash "$script" --channel "${want%.*}" --install-dir "$TEMP/dotnet-sdk" --no-path >&2; then
    echo "build.sh: the official install script failed — install the .NET SDK ${want%.*} by hand and run again." >&2
    return 1
  fi
  echo "$TEMP/dotnet-sdk/dotnet"
}

current=$(fingerprint)
if [ -f "$DLL" ] && [ -f "$STAMP" ] && [ "$(sed -n 1p "$STAMP")" = "$current" ]; then
  DOTNET=$(sed -n 2p "$STAMP")
  if [ -x "$DOTNET" ]; then
    exec "$DOTNET" "$DLL" "$@"
  fi
fi

DOTNET=$(find_dotnet)
echo "build.sh: building the build (its inputs changed)" >&2
mkdir -p "$TEMP"
# ReadyToRun: precompiled code, so the build starts fast and its first pass over thousands of manifests runs at
# full speed instead of waiting for the JIT. Where ReadyToRun cannot be had, a plain build does the same work.
if ! "$DOTNET" publish "$ROOT/build/_build.csproj" -c Release --use-current-runtime --self-contained false \
       -p:PublishReadyToRun=true --nologo -v quiet -clp:NoSummary -o "$OUT" >"$TEMP/build.log" 2>&1; then
  if ! "$DOTNET" build "$ROOT/build/_build.csproj" --nologo -v quiet -clp:NoSummary -o "$OUT" >>"$TEMP/build.log" 2>&1; then
    grep -E 'error|warning' "$TEMP/build.log" | sort -u >&2 || cat "$TEMP/build.log" >&2
    echo "build.sh: the build project does not compile (full log: .nuke/temp/build.log)." >&2
    exit 1
  fi
  echo "build.sh: ReadyToRun was not available (see .nuke/temp/build.log); built without it" >&2
fi
printf '%s\n%s\n' "$current" "$DOTNET" >"$STAMP"
exec "$DOTNET" "$DLL" "$@"
