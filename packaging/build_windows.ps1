<#
.SYNOPSIS
  Build kpi-desktop for Windows: the PyInstaller folder, then the Inno Setup installer.

.DESCRIPTION
  Run from any folder, in a Python environment where the project is installed with its
  build extra (python -m pip install -e ".[build]"):

    powershell -ExecutionPolicy Bypass -File packaging\build_windows.ps1

  Writes dist\kpi-desktop\ (the program: kpi-desktop.exe for the window, kpi-desktop-cli.exe
  for the command line) and dist\kpi-desktop-<version>-setup.exe (the installer).

.PARAMETER Python
  The Python interpreter to build with (default: python on PATH).

.PARAMETER InnoSetupCompiler
  Path to ISCC.exe (default: found on PATH or in Inno Setup 6's usual install folders).

.PARAMETER ChineseMessages
  Path to ChineseSimplified.isl, for an Inno Setup whose Languages folder lacks it.

.PARAMETER SkipInstaller
  Build the PyInstaller folder only.
#>
[CmdletBinding()]
param(
    [string]$Python = "python",
    [string]$InnoSetupCompiler = "",
    [string]$ChineseMessages = "",
    [switch]$SkipInstaller
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version 3.0

$Root = Split-Path -Parent $PSScriptRoot
$Dist = Join-Path $Root "dist"
$Work = Join-Path $Root "build\pyinstaller"
$Bundle = Join-Path $Dist "kpi-desktop"

# A native program's failure does not stop a PowerShell script by itself: check each one.
function Invoke-Checked {
    param([string]$What, [scriptblock]$Command)
    & $Command
    if ($LASTEXITCODE -ne 0) {
        throw "$What failed (exit code $LASTEXITCODE)"
    }
}

# The version of the checkout, numeric as Windows version resources need it.
$Version = (& $Python (Join-Path $PSScriptRoot "package_version.py") --numeric)
if ($LASTEXITCODE -ne 0 -or -not $Version) {
    throw "Could not read the version from kpi_desktop\__init__.py"
}
$Version = $Version.Trim()
Write-Host "Building kpi-desktop $Version"

Invoke-Checked "PyInstaller" {
    & $Python -m PyInstaller --noconfirm --log-level WARN `
        --distpath $Dist --workpath $Work (Join-Path $PSScriptRoot "kpi-desktop.spec")
}

# The console program must start and report the version the installer will carry.
$Reported = (& (Join-Path $Bundle "kpi-desktop-cli.exe") --version)
if ($LASTEXITCODE -ne 0 -or "$Reported".Trim() -ne "kpi-desktop $Version") {
    throw "The built program reports '$Reported', expected 'kpi-desktop $Version'"
}
Set-Content -Path (Join-Path $Bundle "VERSION") -Value $Version -Encoding ascii

if ($SkipInstaller) {
    Write-Host "Built $Bundle (installer skipped)"
    exit 0
}

if (-not $InnoSetupCompiler) {
    $OnPath = Get-Command "ISCC.exe" -ErrorAction SilentlyContinue
    $Candidates = @()
    if ($OnPath) { $Candidates += $OnPath.Source }
    foreach ($Base in @(${env:ProgramFiles(x86)}, $env:ProgramFiles, (Join-Path $env:LOCALAPPDATA "Programs"))) {
        if ($Base) { $Candidates += (Join-Path $Base "Inno Setup 6\ISCC.exe") }
    }
    $InnoSetupCompiler = $Candidates | Where-Object { Test-Path $_ } | Select-Object -First 1
}
if (-not $InnoSetupCompiler -or -not (Test-Path $InnoSetupCompiler)) {
    throw "ISCC.exe (Inno Setup 6.3 or newer) was not found: install it or pass -InnoSetupCompiler"
}

$Arguments = @(
    "/DAppVersion=$Version",
    "/DBuildDir=$Bundle",
    "/O$Dist"
)
if ($ChineseMessages) {
    $Arguments += "/DChineseMessages=$((Resolve-Path $ChineseMessages).Path)"
}
$Arguments += (Join-Path $PSScriptRoot "kpi-desktop.iss")
Invoke-Checked "Inno Setup" { & $InnoSetupCompiler @Arguments }

Write-Host "Built $Bundle and $(Join-Path $Dist "kpi-desktop-$Version-setup.exe")"
