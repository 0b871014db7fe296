:; set -eo pipefail
:; SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
:; exec "$SCRIPT_DIR/build.sh" "$@"

@ECHO OFF
REM Under cmd the lines above are labels; under bash they run build.sh. Windows runs build.ps1.
powershell -ExecutionPolicy ByPass -NoProfile -File "%~dp0build.ps1" %*
EXIT /B %ERRORLEVEL%
