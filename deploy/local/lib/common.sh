# shellcheck shell=bash
# Settings and helpers shared by the deploy/local scripts. Sourced, never executed: the entry scripts own
# `set -euo pipefail`, so every helper here is written to be safe under errexit (no bare failing tests as the last
# command of a function unless failure is the intended result).

[[ -n "${DOCMATRIX_COMMON_SH:-}" ]] && return 0
DOCMATRIX_COMMON_SH=1

# The repository root is derived from this file's location (deploy/local/lib), so the scripts work wherever the
# repository is cloned and from any working directory. -P resolves symlinks: markers compare real paths.
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../../.." && pwd -P)
VAR=$ROOT/var                 # git-ignored; all state of the local platform lives here (or is linked from here)
RUN_DIR=$VAR/run              # <component>.pid
LOG_DIR=$VAR/log              # <component>.log
LOCAL_DIR=$VAR/local          # generated, machine-local settings and secrets
SECRETS_DIR=$LOCAL_DIR/secrets

# Port defaults; every one can be overridden from the environment, e.g. to run a second checkout side by side.
: "${DOCMATRIX_GATEWAY_PORT:=8080}"
: "${DOCMATRIX_AUTH_PORT:=8081}"
: "${DOCMATRIX_INGESTION_PORT:=8082}"
: "${DOCMATRIX_ANALYSIS_PORT:=8083}"
: "${DOCMATRIX_QUERY_PORT:=8084}"
: "${DOCMATRIX_CONFIG_PORT:=8888}"
: "${DOCMATRIX_KAFKA_PORT:=9092}"
: "${DOCMATRIX_KAFKA_CONTROLLER_PORT:=9093}"
: "${DOCMATRIX_PG_PORT:=5433}"     # 5432 belongs to the machine's own PostgreSQL; ours never touches it
: "${DOCMATRIX_PG_HOST:=127.0.0.1}"

# ---------------------------------------------------------------------------------------------------------------
# Logging. Everything goes to stderr so that functions can return values on stdout.

LOG_TAG=${LOG_TAG:-docmatrix}

log() { printf '%s [%s] %s\n' "$(date +%H:%M:%S)" "$LOG_TAG" "$*" >&2; }
warn() { printf '%s [%s] WARNING: %s\n' "$(date +%H:%M:%S)" "$LOG_TAG" "$*" >&2; }
die() {
  printf '%s [%s] ERROR: %s\n' "$(date +%H:%M:%S)" "$LOG_TAG" "$*" >&2
  exit 1
}

# Prints the last lines of a log file, indented, to explain a failure without making the reader go looking.
show_log_tail() {
  local file=$1 lines=${2:-40}
  if [[ -r $file ]]; then
    printf '    --- last %s lines of %s ---\n' "$lines" "$file" >&2
    tail -n "$lines" -- "$file" | sed 's/^/    /' >&2
    printf '    ---\n' >&2
  fi
}

# ---------------------------------------------------------------------------------------------------------------
# Privileges. The scripts run as root on CI and under sudo for developers; PostgreSQL refuses to run as root, so
# everything touching the cluster runs as the `postgres` user. `cd /` because the caller's directory (e.g. /root)
# may be unreadable for that user, which makes pg_ctl and psql complain.

as_root() {
  if ((EUID == 0)); then
    "$@"
  else
    sudo -- "$@"
  fi
}

as_postgres() {
  (
    cd /
    if ((EUID == 0)); then
      runuser -u postgres -- "$@"
    else
      sudo -u postgres -- "$@"
    fi
  )
}

# ---------------------------------------------------------------------------------------------------------------
# State directories and secrets.

ensure_dirs() {
  mkdir -p "$RUN_DIR" "$LOG_DIR" "$LOCAL_DIR"
  # Secrets are readable by their owner only; umask in a subshell so the caller's umask is untouched.
  (umask 077 && mkdir -p "$SECRETS_DIR")
  chmod 0700 "$SECRETS_DIR"
}

# Prints a random 48-hex-character secret. Hex only, so it can be embedded in SQL and JSON without quoting issues.
random_secret() {
  od -An -N24 -tx1 /dev/urandom | tr -d ' \n'
}

# Creates the secret file (mode 0600) once; an existing file is never rewritten, so passwords stay stable.
ensure_secret_file() {
  local file=$1
  if [[ ! -s $file ]]; then
    (umask 077 && random_secret >"$file.tmp" && mv -f -- "$file.tmp" "$file")
  fi
}

# ---------------------------------------------------------------------------------------------------------------
# PID files and process identity. A PID alone is not proof: after a reboot or a crash the number may belong to an
# unrelated process. `is_running` therefore also requires the component's marker in /proc/<pid>/cmdline.

pid_file() { printf '%s/%s.pid' "$RUN_DIR" "$1"; }

# Prints the recorded PID of a component, or nothing. Always succeeds.
read_pid() {
  local file pid=""
  file=$(pid_file "$1")
  if [[ -r $file ]]; then
    read -r pid <"$file" || true
  fi
  [[ $pid =~ ^[0-9]+$ ]] && printf '%s' "$pid"
  return 0
}

write_pid() { printf '%s\n' "$2" >"$(pid_file "$1")"; }
remove_pid() { rm -f -- "$(pid_file "$1")"; }

# Sets CMDLINE to the command line of a process, arguments joined by single spaces with a trailing space, or to
# "" when the process is gone or a zombie. Pure bash and no subshell, because `find_pid_by_marker` calls it for every
# process on the machine.
read_cmdline() {
  local arg
  CMDLINE=""
  [[ -r /proc/$1/cmdline ]] || return 0
  while IFS= read -r -d '' arg; do
    CMDLINE+="$arg "
  done 2>/dev/null <"/proc/$1/cmdline" || true
}

# A substring of the command line that only our instance of a component has. Each marker ends with a space so
# that `.../data` does not match `.../data2`. The per-component paths come from postgres.sh, kafka.sh, services.sh.
marker_for() {
  case $1 in
    postgres) printf '/bin/postgres -D %s ' "$(pg_data_dir)" ;;
    kafka) printf 'kafka.Kafka %s ' "$KAFKA_PROPERTIES" ;;
    *) printf -- '-jar %s ' "$(service_jar "$1")" ;;
  esac
}

pid_alive() {
  # Zombies pass `kill -0` but have an empty cmdline, so the marker check below rejects them. A non-root caller
  # may not signal postgres-owned processes (EPERM), hence the /proc fallback.
  kill -0 "$1" 2>/dev/null || { ((EUID != 0)) && [[ -d /proc/$1 ]]; }
}

pid_has_marker() {
  read_cmdline "$1"
  [[ -n $CMDLINE && $CMDLINE == *"$2"* ]]
}

# Prints the PID of the first process whose command line carries the marker, or nothing. Used to re-adopt a
# process whose pid file was lost, so that `up` never starts a second copy and `down` leaves nothing behind.
find_pid_by_marker() {
  local marker=$1 dir pid
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    ((pid == BASHPID)) && continue
    if pid_has_marker "$pid" "$marker"; then
      printf '%s' "$pid"
      return 0
    fi
  done
  return 0
}

# is_running NAME: true when the recorded PID is alive and is really ours. A lost or stale pid file is repaired
# from a scan for the marker, so a process we started is always recognised.
is_running() {
  local name=$1 pid marker
  marker=$(marker_for "$name")
  pid=$(read_pid "$name")
  if [[ -n $pid ]] && pid_alive "$pid" && pid_has_marker "$pid" "$marker"; then
    return 0
  fi
  pid=$(find_pid_by_marker "$marker")
  if [[ -n $pid ]]; then
    [[ -d $RUN_DIR ]] && write_pid "$name" "$pid"
    return 0
  fi
  return 1
}

# running_pid NAME: the PID of our running instance, or nothing.
running_pid() {
  if is_running "$1"; then read_pid "$1"; fi
  return 0
}

# stop_pids TIMEOUT PID...: TERM, wait up to TIMEOUT seconds for all of them, then KILL the stragglers. The processes
# are not our children (setsid), so `wait` cannot be used: poll instead.
stop_pids() {
  local timeout=$1 pid deadline
  local -a left
  shift
  (($# == 0)) && return 0
  kill -TERM "$@" 2>/dev/null || true
  deadline=$((SECONDS + timeout))
  while :; do
    left=()
    for pid in "$@"; do
      read_cmdline "$pid"
      if kill -0 "$pid" 2>/dev/null && [[ -n $CMDLINE ]]; then left+=("$pid"); fi
    done
    ((${#left[@]} == 0)) && return 0
    if ((SECONDS >= deadline)); then
      warn "PID(s) ${left[*]} ignored SIGTERM for ${timeout}s; sending SIGKILL"
      kill -KILL "${left[@]}" 2>/dev/null || true
      sleep 1
      return 0
    fi
    sleep 0.5
  done
}

# ---------------------------------------------------------------------------------------------------------------
# Waiting for things. Each wait has a timeout so that a broken component fails the script instead of hanging it.

tcp_open() {
  # bash's /dev/tcp avoids depending on nc; `timeout` guards against a filtered port that never answers.
  # shellcheck disable=SC2016 # $1/$2 belong to the inner bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null
}

# wait_for_tcp HOST PORT TIMEOUT [PID]: true once the port accepts connections; false on timeout or when the
# optional PID dies first (no point waiting for a port that a dead process will never open).
wait_for_tcp() {
  local host=$1 port=$2 timeout=$3 pid=${4:-} deadline=$((SECONDS + $3))
  until tcp_open "$host" "$port"; do
    if [[ -n $pid ]] && ! pid_alive "$pid"; then return 1; fi
    ((SECONDS >= deadline)) && return 1
    sleep 0.5
  done
}

# Prints the HTTP status code of a GET, or 000 when nothing answered.
http_status() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --connect-timeout 2 --max-time 5 "$1" 2>/dev/null) || true
  printf '%s' "${code:-000}"
}

# wait_for_http URL TIMEOUT: true once the URL answers 200.
wait_for_http() {
  local url=$1 deadline=$((SECONDS + $2))
  until [[ $(http_status "$url") == 200 ]]; do
    ((SECONDS >= deadline)) && return 1
    sleep 1
  done
}

# ---------------------------------------------------------------------------------------------------------------
# Misc.

require_java() {
  command -v java >/dev/null || die "java not found: install a JDK 17 (e.g. apt-get install openjdk-17-jdk-headless)"
}

# Installed Debian package? (dpkg-query fails for unknown packages; treat that as "not installed").
pkg_installed() {
  [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true) == "install ok installed" ]]
}

# Moves the previous log aside (one generation) so that a crash log survives the restart that follows it.
rotate_log() {
  local file=$1
  if [[ -s $file ]]; then mv -f -- "$file" "$file.1"; fi
  : >"$file"
}
