# Windows bootstrap, the same steps as build.sh: find or install the SDK global.json asks for, rebuild the
# build project only when an input changed, then run the compiled build directly.
$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$Temp = Join-Path $Root '.nuke/temp'
$Out = Join-Path $Temp 'build-bin'
$Dll = Join-Path $Out '_build.dll'
$Stamp = Join-Path $Temp 'build.fingerprint'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_NOLOGO = '1'; $env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

function Get-Fingerprint {
    $inputs = @('build', 'src', 'global.json', 'Directory.Build.props', 'Directory.Packages.props', '.editorconfig') |
        ForEach-Object { Join-Path $Root $_ } | Where-Object { Test-Path $_ }
    $lines = Get-ChildItem -Path $inputs -Recurse -File -Include '*.cs', '*.csproj', '*.props', '*.targets', '*.json', '.editorconfig' |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' } |
        ForEach-Object { '{0} {1} {2}' -f $_.FullName.Substring($Root.Length), $_.LastWriteTimeUtc.Ticks, $_.Length } |
        Sort-Object
    $bytes = [Text.Encoding]::UTF8.GetBytes(($lines -join "`n"))
    return [BitConverter]::ToString([Security.Cryptography.SHA256]::Create().ComputeHash($bytes))
}

function Test-Sdk([string]$Have, [string]$Want) {
    $h = $Have.Split('-')[0].Split('.'); $w = $Want.Split('-')[0].Split('.')
    return $h[0] -eq $w[0] -and $h[1] -eq $w[1] -and [int]$h[2] -ge [int]$w[2]
}

function Find-Dotnet {
    $want = (Get-Content (Join-Path $Root 'global.json') -Raw | ConvertFrom-Json).sdk.version
    $candidates = @((Get-Command dotnet -ErrorAction SilentlyContinue).Source, (Join-Path $Temp 'dotnet-sdk/dotnet.exe')) | Where-Object { $_ -and (Test-Path $_) }
    foreach ($candidate in $candidates) {
        foreach ($line in (& $candidate --list-sdks 2>$null)) {
            if (Test-Sdk ($line.Split(' ')[0]) $want) { return $candidate }
        }
    }
    Write-Host "build.ps1: no .NET SDK satisfies global.json ($want); installing one under .nuke/temp/dotnet-sdk"
    New-Item -ItemType Directory -Force -Path $Temp | Out-Null
    $script = Join-Path $Temp 'dotnet-install.ps1'
    try { Invoke-WebRequest 'https://dot.net/v1/dotnet-install.ps1' -OutFile $script -UseBasicParsing }
    catch { throw "build.ps1: could not download the official install script - install the .NET SDK $want by hand and run again." }
    $channel = ($want.Split('.')[0..1] -join '.')
    & $script -Channel $channel -InstallDir (Join-Path $Temp 'dotnet-sdk') -NoPath
    return (Join-Path $Temp 'dotnet-sdk/dotnet.exe')
}

$current = Get-Fingerprint
if ((Test-Path $Dll) -and (Test-Path $Stamp)) {
    $saved = Get-Content $Stamp
    if ($saved[0] -eq $current -and (Test-Path $saved[1])) {
        & $saved[1] $Dll @args
        exit $LASTEXITCODE
    }
}

$dotnet = Find-Dotnet
Write-Host 'build.ps1: building the build (its inputs changed)'
New-Item -ItemType Directory -Force -Path $Temp | Out-Null
& $dotnet publish (Join-Path $Root 'build/_build.csproj') -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true --nologo -v quiet -clp:NoSummary -o $Out *> (Join-Path $Temp 'build.log')
if ($LASTEXITCODE -ne 0) {
    & $dotnet build (Join-Path $Root 'build/_build.csproj') --nologo -v quiet -clp:NoSummary -o $Out *>> (Join-Path $Temp 'build.log')
}
if ($LASTEXITCODE -ne 0) {
    Get-Content (Join-Path $Temp 'build.log') | Select-String -Pattern 'error|warning' | Sort-Object -Unique | Write-Host
    Write-Host 'build.ps1: the build project does not compile (full log: .nuke/temp/build.log).'
    exit 1
}
Set-Content -Path $Stamp -Value @($current, $dotnet)
& $dotnet $Dll @args
exit $LASTEXITCODE
