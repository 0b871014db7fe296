# Bash completion for ./build.sh and build.cmd: targets, options and parameters.
# Use: source build/completion.bash   (e.g. from ~/.bashrc)
# Targets and parameters come from .nuke/build.schema.json, which the build keeps current.
_homelab_build() {
  local current=${COMP_WORDS[COMP_CWORD]}
  local script=${COMP_WORDS[0]}
  local root
  root=$(cd "$(dirname "$script")" 2>/dev/null && pwd) || return 0
  local schema="$root/.nuke/build.schema.json"
  [ -f "$schema" ] || return 0

  local targets parameters
  targets=$(sed -n '/"ExecutableTarget"/,/]/s/^ *"\([A-Za-z0-9]*\)",\{0,1\}$/\1/p' "$schema")
  parameters=$(sed -n 's/^        "\([A-Za-z0-9]*\)": {$/\1/p' "$schema" |
    sed -e 's/\([a-z0-9]\)\([A-Z]\)/\1-\2/g' -e 's/\([A-Z]\)\([A-Z][a-z]\)/\1-\2/g' | tr '[:upper:]' '[:lower:]' | sed 's/^/--/')
  local options="--help --plan --list --target --skip --parallel --profile --root --no-logo"

  if [[ $current == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$options $parameters" -- "$current")
  else
    mapfile -t COMPREPLY < <(compgen -W "$targets" -- "$current")
  fi
}
complete -F _homelab_build ./build.sh build.sh ./build.cmd build.cmd
