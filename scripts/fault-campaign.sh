#!/usr/bin/env bash
# Issue 10's fault campaign: builds Release, starts a private platform from the AppHost (no Docker: local PostgreSQL
# and RabbitMQ under a temporary directory, loopback only), runs a sustained write load through the gateway on the four
# write areas and injects faults one after another; after each, every acknowledged write must be in the indicators
# exactly once, no answer a 5xx other than 503 with Retry-After, and throughput back to ≥ 0.9× within 30 s.
#   scripts/fault-campaign.sh            the full form: 20 faults (~15–30 min on 2 cores), written to RELIABILITY.md
#   scripts/fault-campaign.sh --short    5 faults (~3 min), for CI; the table is printed
#   --no-build                           use the Release build already there (CI builds the solution first)
# Exits non-zero when any fault's check fails.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --short) mode=short ;;
    --no-build) build=0 ;;
    *) echo "usage: $0 [--short] [--no-build]" >&2; exit 2 ;;
  esac
  shift
done

.ci/prerequisites
if [ "$build" -eq 1 ]; then
  dotnet build AppHost/CountyTech.AppHost.csproj -c Release -v q -nologo
  dotnet build scripts/FaultCampaign/CountyTech.FaultCampaign.csproj -c Release -v q -nologo
fi

. scripts/private-platform.sh
cleanup() {
  # Processes the campaign started again in place of killed ones (it stops them itself unless it was killed).
  if [ -n "$work" ] && [ -f "$work/started-pids" ]; then
    while read -r pid; do
      pkill -KILL -P "$pid" 2> /dev/null || true
      kill -KILL "$pid" 2> /dev/null || true
    done < "$work/started-pids"
  fi
  private_platform_stop
}
trap cleanup EXIT
# The campaign starts each killed process again itself (some with the TCP fault proxy in their way to the broker), so
# the AppHost's own restart of crashed processes (AppHost/CrashedProcesses.cs) is off here.
private_platform_start countytech-faults --CrashedProcesses:Restart=false

out=RELIABILITY.md
[ "$mode" = full ] || out="$work/fault-campaign.md"
COUNTYTECH_ADMIN_KEY="$admin_key" timeout 45m dotnet scripts/FaultCampaign/bin/Release/net10.0/CountyTech.FaultCampaign.dll \
  --mode "$mode" --started "$started" --work "$work" --out "$out" ||
  {
    status=$?
    echo "The fault campaign failed; the AppHost's log:" >&2
    tail -40 "$work/apphost.log" >&2
    for log in "$work"/restarted-*.log; do
      [ -f "$log" ] && { echo "--- $(basename "$log"):" >&2; tail -30 "$log" >&2; }
    done
    exit "$status"
  }
