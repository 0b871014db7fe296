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
    $inputs = @('build', 'src', 'tests/HomeLab.Stack.Tests', 'tests/HomeLab.Testing', 'global.json', 'Directory.Build.props', 'Directory.Packages.props', '.editorconfig') |
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
New-Item -ItemType Directory -Force -Path $Temp | Out-Null
$Log = Join-Path $Temp 'build.log'
$Projects = @(Get-ChildItem -Path (Join-Path $Root 'src') -Filter '*.csproj' -Recurse -Depth 1 -ErrorAction SilentlyContinue).Count + 1
$Started = Get-Date

# Runs one dotnet command writing to the log (never a pipe: MSBuild's and the compiler's servers would hold it open),
# follows the log for progress, and stops it on Ctrl-C with exit code 130, like the build itself.
function Invoke-Compile([string[]]$Arguments) {
    $all = $Arguments + @('--nologo', '-v', 'minimal', '-tl:off', '-clp:NoSummary', '-o', $Out)
    $quoted = $all | ForEach-Object { if ($_ -match '\s') { '"' + $_ + '"' } else { $_ } }
    $process = Start-Process -FilePath $dotnet -ArgumentList $quoted -RedirectStandardOutput $Log -RedirectStandardError "$Log.err" -NoNewWindow -PassThru
    $null = $process.Handle  # keeps the exit code readable after the process ends
    $interactive = -not [Console]::IsInputRedirected
    if ($interactive) { [Console]::TreatControlCAsInput = $true }
    $compiled = @{}
    $phase = 'compiling'
    $quietSince = Get-Date
    try {
        while (-not (Test-Path $Log)) { Start-Sleep -Milliseconds 200 }
        $reader = New-Object IO.StreamReader([IO.File]::Open($Log, 'Open', 'Read', 'ReadWrite'))
        try {
            while ($true) {
                $line = $reader.ReadLine()
                if ($null -ne $line) {
                    if ($line -match 'Determining projects to restore') { $phase = 'restoring packages'; Write-Host "build.ps1:   $phase" }
                    elseif ($line -match '^\s*(\S+) -> ' -and -not $compiled.ContainsKey($Matches[1])) {
                        $name = $Matches[1]
                        $compiled[$name] = $true
                        $phase = 'compiling'
                        Write-Host ("build.ps1:   compiled {0} ({1}/{2})" -f $name, $compiled.Count, $Projects)
                        if ($name -eq '_build' -and $Arguments[0] -eq 'publish') {
                            $phase = 'precompiling (ReadyToRun)'
                            Write-Host "build.ps1:   $phase, so the build starts fast: the longest step"
                        }
                    }
                    $quietSince = Get-Date
                    continue
                }
                if ($process.HasExited) { break }
                if ($interactive -and [Console]::KeyAvailable) {
                    $key = [Console]::ReadKey($true)
                    if ($key.Key -eq 'C' -and ($key.Modifiers -band [ConsoleModifiers]::Control)) {
                        $process.Kill()
                        Write-Host 'build.ps1: cancelled while compiling the build; nothing ran (the next ./build.ps1 compiles again).'
                        exit 130
                    }
                }
                if (((Get-Date) - $quietSince).TotalSeconds -ge 20) {
                    Write-Host ("build.ps1:   still {0} ({1:0} s so far)" -f $phase, ((Get-Date) - $Started).TotalSeconds)
                    $quietSince = Get-Date
                }
                Start-Sleep -Milliseconds 500
            }
        }
        finally { $reader.Dispose() }
    }
    finally {
        if ($interactive) { [Console]::TreatControlCAsInput = $false }
        if (-not $process.HasExited) { $process.Kill() }
    }
    $process.WaitForExit()
    if (Test-Path "$Log.err") { Get-Content "$Log.err" | Add-Content $Log; Remove-Item "$Log.err" }
    return $process.ExitCode
}

if (Test-Path $Stamp) {
    Write-Host 'build.ps1: compiling the build again: build/, src/ or the SDK settings changed since it was last compiled.'
} else {
    Write-Host ("build.ps1: compiling the build (build/_build.csproj and src/, {0} projects): the first run in this checkout, a minute or two. Ctrl-C stops it; the full log is .nuke/temp/build.log." -f $Projects)
}
$exitCode = Invoke-Compile @('publish', (Join-Path $Root 'build/_build.csproj'), '-c', 'Release', '--use-current-runtime', '--self-contained', 'false', '-p:PublishReadyToRun=true')
if ($exitCode -ne 0) {
    Write-Host 'build.ps1: ReadyToRun was not available (see .nuke/temp/build.log); compiling without it'
    Copy-Item $Log "$Log.publish" -Force
    $exitCode = Invoke-Compile @('build', (Join-Path $Root 'build/_build.csproj'))
}
if ($exitCode -ne 0) {
    Get-Content $Log | Select-String -Pattern 'error|warning' | Sort-Object -Unique | Write-Host
    Write-Host 'build.ps1: the build project does not compile (full log: .nuke/temp/build.log).'
    exit 1
}
Write-Host ("build.ps1: compiled the build in {0:0} s" -f ((Get-Date) - $Started).TotalSeconds)
Set-Content -Path $Stamp -Value @($current, $dotnet)
& $dotnet $Dll @args
exit $LASTEXITCODE
