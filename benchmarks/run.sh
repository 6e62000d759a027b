#!/usr/bin/env bash
# Issue 7's measurements, side by side in one run: builds Release, starts the platform from the AppHost (private data
# directory, ports chosen by the orchestrator so a platform already running elsewhere is not disturbed), runs every
# measurement and prints a table of ratios (also written to benchmarks/results/<UTC time>.md).
#   benchmarks/run.sh            the full run (~8 min on 2 cores, and 4–5 more for `indicators`, which writes 10 million fact rows)
#   benchmarks/run.sh --smoke    each measurement for a second or two with tiny data: checks that the table is produced
#   --no-build                   use the Release build already there (CI builds the solution first)
#   --only gateway,relay         only these measurements (idle, gateway, writes, relay, apply, footprint, indicators)
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
build=1
only=
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) mode=smoke ;;
    --no-build) build=0 ;;
    --only) only=${2:?--only needs a list}; shift ;;
    *) echo "usage: $0 [--smoke] [--no-build] [--only idle,gateway,writes,relay,apply,footprint,indicators]" >&2; exit 2 ;;
  esac
  shift
done

# wrk and nginx among the rest: it installs what is missing, or says what to run and fails.
.ci/prerequisites

if [ "$build" -eq 1 ]; then
  # As .ci/start builds it: the services and the gateway compiled ahead of time (ReadyToRun, Directory.Build.targets).
  dotnet build AppHost/CountyTech.AppHost.csproj -c Release -p:ReadyToRunPlatform=true -v q -nologo
  dotnet build benchmarks/CountyTech.Benchmarks/CountyTech.Benchmarks.csproj -c Release -v q -nologo
fi

. scripts/private-platform.sh
trap private_platform_stop EXIT
private_platform_start countytech-bench

mkdir -p benchmarks/results
out="benchmarks/results/$(date -u +%Y%m%dT%H%M%SZ)-$mode.md"
COUNTYTECH_ADMIN_KEY="$admin_key" dotnet benchmarks/CountyTech.Benchmarks/bin/Release/net10.0/CountyTech.Benchmarks.dll \
  --mode "$mode" --started "$started" --work "$work" --out "$out" --only "$only" ||
  { status=$?; echo "The benchmark failed; the AppHost's log:" >&2; tail -40 "$work/apphost.log" >&2; exit "$status"; }
