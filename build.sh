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
  local inputs=(build src tests/HomeLab.Stack.Tests tests/HomeLab.Testing global.json Directory.Build.props Directory.Packages.props .editorconfig)
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
mkdir -p "$TEMP"
LOG="$TEMP/build.log"
PROJECTS=$(( $(find "$ROOT/src" -mindepth 2 -maxdepth 2 -name '*.csproj' 2>/dev/null | wc -l) + 1 ))
COMPILER=""

# Ctrl-C (or a TERM) while compiling: stop the compiler, run nothing, exit 130 like the build itself does.
stop_compiling() {
  trap - INT TERM
  if [ -n "$COMPILER" ]; then
    kill -TERM "$COMPILER" 2>/dev/null || true
    wait "$COMPILER" 2>/dev/null || true
  fi
  echo "build.sh: cancelled while compiling the build; nothing ran (the next ./build.sh compiles again)." >&2
  exit 130
}
trap stop_compiling INT TERM

# One line per restore and per compiled project, from the log the compiler writes; PHASE names what is going on.
progress() {
  case "$1" in
    *"Determining projects to restore"*) PHASE="restoring packages"; echo "build.sh:   $PHASE" >&2 ;;
    *" -> "*)
      local name=${1%% -> *}
      name=${name//[[:space:]]/}
      case "$COMPILED" in
        *" $name "*) ;;
        *)
          COMPILED="$COMPILED$name " DONE=$((DONE + 1)) PHASE="compiling"
          echo "build.sh:   compiled $name ($DONE/$PROJECTS)" >&2
          if [ "$name" = _build ] && [ "$VERB" = publish ]; then
            PHASE="precompiling (ReadyToRun)"
            echo "build.sh:   $PHASE, so the build starts fast: the longest step" >&2
          fi ;;
      esac ;;
  esac
}

# Runs one dotnet command in the background, writing to the log (never a pipe: MSBuild's and the compiler's servers
# would hold a pipe open after dotnet exits), and follows the log for progress until it exits. Returns its exit code.
compile() {
  COMPILED=" " DONE=0 PHASE="compiling" VERB=$1
  local line="" chunk="" quiet_since=$SECONDS status=0
  "$DOTNET" "$@" --nologo -v minimal -tl:off -clp:NoSummary -o "$OUT" </dev/null >>"$LOG" 2>&1 &
  COMPILER=$!
  exec 3<"$LOG"
  while :; do
    if IFS= read -r chunk <&3; then
      progress "$line$chunk"
      line="" quiet_since=$SECONDS
      continue
    fi
    line="$line$chunk"
    kill -0 "$COMPILER" 2>/dev/null || break
    if [ $((SECONDS - quiet_since)) -ge 20 ]; then
      echo "build.sh:   still $PHASE ($((SECONDS - STARTED)) s so far)" >&2
      quiet_since=$SECONDS
    fi
    sleep 0.5
  done
  while IFS= read -r chunk <&3 || [ -n "$chunk" ]; do progress "$line$chunk"; line=""; chunk=""; done
  exec 3<&-
  wait "$COMPILER" || status=$?
  COMPILER=""
  return $status
}

STARTED=$SECONDS
if [ -f "$STAMP" ]; then
  echo "build.sh: compiling the build again: build/, src/ or the SDK settings changed since it was last compiled." >&2
else
  echo "build.sh: compiling the build (build/_build.csproj and src/, $PROJECTS projects): the first run in this checkout," \
    "a minute or two. Ctrl-C stops it; the full log is .nuke/temp/build.log." >&2
fi
: >"$LOG"
# ReadyToRun: precompiled code, so the build starts fast and its first pass over thousands of manifests runs at
# full speed instead of waiting for the JIT. Where ReadyToRun cannot be had, a plain build does the same work.
if ! compile publish "$ROOT/build/_build.csproj" -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true; then
  echo "build.sh: ReadyToRun was not available (see .nuke/temp/build.log); compiling without it" >&2
  if ! compile build "$ROOT/build/_build.csproj"; then
    grep -E 'error|warning' "$LOG" | sort -u >&2 || cat "$LOG" >&2
    echo "build.sh: the build project does not compile (full log: .nuke/temp/build.log)." >&2
    exit 1
  fi
fi
trap - INT TERM
echo "build.sh: compiled the build in $((SECONDS - STARTED)) s" >&2
printf '%s\n%s\n' "$current" "$DOTNET" >"$STAMP"
exec "$DOTNET" "$DLL" "$@"
