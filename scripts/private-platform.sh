# Sourced by benchmarks/run.sh and scripts/fault-campaign.sh: starts the platform from the Release AppHost as a private
# instance (its own data directory under $work, ports chosen by the orchestrator so a platform already running elsewhere
# is not disturbed) and stops it on exit.
#   private_platform_start NAME [ARG…]   a new work directory /tmp/NAME.XXXXXX ($work), a bootstrap admin key ($admin_key), the
#                                 start time ($started, seconds since the epoch) and the AppHost in the background
#                                 ($apphost_pid; log: $work/apphost.log), given the ARGs besides its own
#   private_platform_stop         SIGTERM to the AppHost (SIGKILL after 30 s), then the work directory removed

apphost_pid=
work=

# A port nobody listens on, for the AppHost's own endpoints (the dashboard); DCP picks the services' ports.
free_port() {
  local port
  while :; do
    port=$(shuf -i 20000-59999 -n 1)
    ss -ltnH "sport = :$port" | grep -q . || { echo "$port"; return; }
  done
}

private_platform_start() {
  work=$(mktemp -d "/tmp/$1.XXXXXX")
  shift
  chmod 755 "$work"   # PostgreSQL runs as user postgres under it
  admin_key=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
  started=$(date +%s.%N)
  (
    cd AppHost
    exec env ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development \
      ASPNETCORE_URLS="http://127.0.0.1:$(free_port)" \
      ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://127.0.0.1:$(free_port)" \
      ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://127.0.0.1:$(free_port)" \
      ASPIRE_ALLOW_UNSECURED_TRANSPORT=true ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true \
      COUNTYTECH_ADMIN_KEY="$admin_key" \
      dotnet bin/Release/net10.0/CountyTech.AppHost.dll \
      --LocalServers:DataDirectory="$work/data" --DcpPublisher:RandomizePorts=true "$@"
  ) > "$work/apphost.log" 2>&1 &
  apphost_pid=$!
}

private_platform_stop() {
  if [ -n "$apphost_pid" ] && kill -0 "$apphost_pid" 2> /dev/null; then
    kill -TERM "$apphost_pid" 2> /dev/null || true
    for _ in $(seq 1 60); do kill -0 "$apphost_pid" 2> /dev/null || break; sleep 0.5; done
    kill -KILL "$apphost_pid" 2> /dev/null || true
  fi
  if [ -n "$work" ]; then
    rm -rf "$work"
  fi
}
