# shellcheck shell=bash
# PostgreSQL 15 + pgvector for the local platform: installs what is missing, runs a cluster owned by this checkout
# on port 5433 (the machine's own cluster on 5432 is never touched) and provisions roles and databases.
# With DOCMATRIX_PG_ADMIN_URL set, an external server is provisioned instead and nothing is installed or started.

PG_MAJOR=15
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin
PGVECTOR_CONTROL=/usr/share/postgresql/$PG_MAJOR/extension/vector.control

# One role and database per service (database-per-service). query-service has no outbox, so it needs no
# REPLICATION; the others run an embedded Debezium engine that reads their outbox through logical replication.
PG_SERVICE_SHORTS=(auth gateway ingestion analysis query)
PG_TEST_ROLE=docmatrix_test
# query-service reads its tables as a role bound by row-level security: not their owner (query_service migrates
# them and grants it), no superuser, no BYPASSRLS (docs/query.md). Its tests do the same with a passwordless role.
PG_QUERY_APP_ROLE=query_app
PG_QUERY_TEST_APP_ROLE=docmatrix_query_test_app
PG_RLS_ROLE_ATTRS="LOGIN NOSUPERUSER NOBYPASSRLS NOREPLICATION NOCREATEROLE NOCREATEDB"
PG_RLS_ROLE_WANT="rolcanlogin AND NOT rolsuper AND NOT rolbypassrls AND NOT rolreplication AND NOT rolcreaterole AND NOT rolcreatedb"

pg_external() { [[ -n ${DOCMATRIX_PG_ADMIN_URL:-} ]]; }

pg_service_role() { printf '%s_service' "$1"; }
pg_service_db() { printf 'docmatrix_%s' "$1"; }
pg_test_db() { printf 'docmatrix_%s_test' "$1"; }
pg_password_file() { printf '%s/%s.password' "$SECRETS_DIR" "$1"; }

# ---------------------------------------------------------------------------------------------------------------
# Where the cluster lives. Preferably inside the checkout (var/postgres), but the `postgres` user must be able to
# reach it: a clone under /root (mode 0700) is not reachable, and CI clones wherever it likes. The choice is made
# once and recorded in var/local/pgdata-path so that later runs find the same cluster.

PG_BASE=""     # directory owned by postgres holding data/, run/ (socket) and postgres.log
PG_DATA=""

pg_data_dir() {
  pg_resolve_location
  printf '%s' "$PG_DATA"
}

# Finds the cluster without creating anything (status and down must not have side effects): the recorded location,
# else whichever of the two possible locations holds a cluster (the record may have been deleted with var/local).
pg_resolve_location() {
  [[ -n $PG_DATA ]] && return 0
  local candidate
  if [[ -s $LOCAL_DIR/pgdata-path ]]; then
    PG_DATA=$(<"$LOCAL_DIR/pgdata-path")
  else
    for candidate in "$VAR/postgres/data" "$(pg_fallback_base)/data"; do
      if as_postgres test -f "$candidate/PG_VERSION" 2>/dev/null; then
        PG_DATA=$candidate
        break
      fi
    done
  fi
  PG_BASE=${PG_DATA%/data}
}

pg_fallback_base() {
  # A short hash of the checkout path keeps two checkouts on one machine apart.
  printf '/var/lib/docmatrix/%s' "$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"
}

pg_choose_location() {
  pg_resolve_location
  if [[ -z $PG_DATA ]]; then
    local base=$VAR/postgres
    mkdir -p "$base"
    as_root chown postgres:postgres "$base"
    as_root chmod 0750 "$base"
    if as_postgres test -w "$base" -a -x "$base"; then
      log "cluster lives in the checkout: $base"
    else
      rmdir "$base" 2>/dev/null || true
      base=$(pg_fallback_base)
      log "postgres cannot reach $VAR (e.g. a clone under /root); cluster lives in $base"
    fi
    PG_BASE=$base
    PG_DATA=$base/data
  fi
  # Also re-records a cluster that pg_resolve_location found by probing.
  [[ -s $LOCAL_DIR/pgdata-path ]] || printf '%s\n' "$PG_DATA" >"$LOCAL_DIR/pgdata-path"
  # (Re)create the base with the right owner every time: cheap, and it repairs a half-deleted state.
  as_root install -d -m 0755 "$(dirname "$PG_BASE")"
  as_root install -d -o postgres -g postgres -m 0750 "$PG_BASE"
  as_root install -d -o postgres -g postgres -m 0750 "$(pg_socket_dir)"
}

# The unix socket normally sits next to the data directory. Socket paths are limited to 107 bytes, which a deep
# checkout path can exceed; then a short directory under /var/lib/docmatrix is used instead.
pg_socket_dir() {
  local dir=$PG_BASE/run
  if ((${#dir} + ${#DOCMATRIX_PG_PORT} + 10 > 100)); then dir=$(pg_fallback_base)/run; fi
  printf '%s' "$dir"
}

pg_log_file() { printf '%s/postgres.log' "$PG_BASE"; }

# ---------------------------------------------------------------------------------------------------------------
# Installation.

pg_install_packages() {
  local pkg
  local -a missing=()
  for pkg in postgresql "postgresql-server-dev-$PG_MAJOR" build-essential; do
    pkg_installed "$pkg" || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  if ! pkg_installed postgresql-common; then
    # On a fresh machine the package would create and start a 'main' cluster on 5432 that nobody here uses.
    as_root mkdir -p /etc/postgresql-common/createcluster.d
    printf 'create_main_cluster = false\n' | as_root tee /etc/postgresql-common/createcluster.d/docmatrix.conf >/dev/null
  fi
  log "installing ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

# Bookworm has no pgvector package. Debian's source package from trixie (0.8.0) builds against bookworm's
# postgresql-server-dev-15 (stack.md). The trixie deb-src entry goes into a private apt configuration under
# var/build instead of /etc/apt, so the machine's apt sources and every later `apt-get update` stay as they were.
pg_install_pgvector() {
  [[ -f $PGVECTOR_CONTROL ]] && return 0
  local build=$VAR/build/pgvector uri="" tarball src
  log "building pgvector from Debian trixie's source package"
  rm -rf "$build"
  mkdir -p "$build/lists/partial"
  if [[ -r /etc/apt/sources.list.d/debian.sources ]]; then
    uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  fi
  uri=${uri:-http://deb.debian.org/debian}   # the machine's own Debian mirror when it has one
  printf 'deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s trixie main\n' "$uri" >"$build/sources.list"
  local -a apt_opts=(
    -o "Dir::Etc::SourceList=$build/sources.list"
    -o "Dir::Etc::SourceParts=$build/no-parts"
    -o "Dir::State::Lists=$build/lists"
    -o "Dir::Cache::pkgcache=" -o "Dir::Cache::srcpkgcache="
    # apt's download sandbox user cannot write into a checkout under /root.
    -o "APT::Sandbox::User=root"
  )
  mkdir -p "$build/no-parts"
  as_root apt-get "${apt_opts[@]}" -q update
  (cd "$build" && as_root apt-get "${apt_opts[@]}" -q source --download-only pgvector)
  tarball=$(compgen -G "$build/pgvector_*.orig.tar.*" | head -n1) || true
  [[ -n $tarball ]] || die "apt-get source pgvector did not download an orig tarball into $build"
  tar -xf "$tarball" -C "$build"
  src=$(compgen -G "$build/pgvector-*/" | head -n1) || true
  [[ -n $src ]] || die "unexpected layout of $tarball"
  make -s -C "$src" PG_CONFIG="$PG_BIN/pg_config"
  as_root make -s -C "$src" PG_CONFIG="$PG_BIN/pg_config" install
  rm -rf "$build/lists"   # ~10 MB of trixie indexes, only needed for the download
  [[ -f $PGVECTOR_CONTROL ]] || die "pgvector install did not produce $PGVECTOR_CONTROL"
  log "pgvector installed ($(basename "$src"))"
}

# ---------------------------------------------------------------------------------------------------------------
# Cluster configuration. Both files are rendered on every run and written only when they differ, so a warm run
# changes nothing; a changed postgresql setting restarts a running server, a changed pg_hba reloads it.

pg_render_conf() {
  cat <<EOF
# Managed by deploy/local/lib/postgres.sh and rewritten on every provision: edit the script, not this file.
port = $DOCMATRIX_PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$(pg_socket_dir)'
# Debezium relays each service's outbox through logical replication: one slot and one WAL sender per engine,
# plus the ones integration tests create.
wal_level = logical
max_replication_slots = 20
max_wal_senders = 20
# A forgotten test slot would otherwise retain WAL until the disk fills up; past this it is invalidated.
max_slot_wal_keep_size = 2GB
shared_buffers = 256MB
# pgvector HNSW index builds are ~3x faster with 256MB than with the 64MB default (stack.md).
maintenance_work_mem = 256MB
# Five services with connection pools, plus test JVMs.
max_connections = 200
password_encryption = scram-sha-256
EOF
}

pg_render_hba() {
  local short test_dbs=""
  for short in "${PG_SERVICE_SHORTS[@]}"; do test_dbs+="${test_dbs:+,}$(pg_test_db "$short")"; done
  cat <<EOF
# Managed by deploy/local/lib/postgres.sh and rewritten on every provision: edit the script, not this file.
# TYPE  DATABASE        USER            ADDRESS         METHOD
# Administration only through the unix socket, as the postgres OS user.
local   all             postgres                        peer
# Tests connect without a password, but only the test role and only to the throwaway test databases.
host    $test_dbs $PG_TEST_ROLE 127.0.0.1/32 trust
host    replication     $PG_TEST_ROLE  127.0.0.1/32    trust
# query-service tests read as the row-level-security role, also without a password and only in its test database.
host    $(pg_test_db query) $PG_QUERY_TEST_APP_ROLE 127.0.0.1/32 trust
# Everything else (the services, people) authenticates with a password.
host    all             all             127.0.0.1/32    scram-sha-256
host    replication     all             127.0.0.1/32    scram-sha-256
EOF
}

# pg_sync_file PATH CONTENT: writes CONTENT as the postgres user when it differs; true when it wrote.
pg_sync_file() {
  local path=$1 content=$2 current
  current=$(as_postgres cat -- "$path" 2>/dev/null) || current=""
  [[ $current == "$content" ]] && return 1
  printf '%s\n' "$content" | as_postgres tee -- "$path" >/dev/null
  return 0
}

pgctl() { as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" "$@"; }

pg_server_running() {
  [[ -n $PG_DATA ]] && as_postgres test -f "$PG_DATA/PG_VERSION" && pgctl status >/dev/null 2>&1
}

pg_record_pid() {
  local pid
  pid=$(as_postgres head -n1 -- "$PG_DATA/postmaster.pid" 2>/dev/null) || pid=""
  [[ $pid =~ ^[0-9]+$ ]] || die "could not read the postmaster PID from $PG_DATA/postmaster.pid"
  write_pid postgres "$pid"
}

pg_init_cluster() {
  as_postgres test -f "$PG_DATA/PG_VERSION" && return 0
  log "initdb $PG_DATA"
  # C.UTF-8 collation: locale-independent, the same on every machine, and available on every Debian.
  if ! as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 >"$LOG_DIR/postgres-initdb.log" 2>&1; then
    show_log_tail "$LOG_DIR/postgres-initdb.log"
    die "initdb failed"
  fi
  # Our settings live in their own file so initdb's postgresql.conf stays pristine and diffable.
  printf "\ninclude = 'docmatrix.conf'\n" | as_postgres tee -a -- "$PG_DATA/postgresql.conf" >/dev/null
}

pg_start_cluster() {
  local conf_changed=false hba_changed=false logfile
  logfile=$(pg_log_file)
  pg_sync_file "$PG_DATA/docmatrix.conf" "$(pg_render_conf)" && conf_changed=true
  pg_sync_file "$PG_DATA/pg_hba.conf" "$(pg_render_hba)" && hba_changed=true
  # The real log is owned by postgres next to the data; var/log/postgres.log points at it.
  ln -sfn -- "$logfile" "$LOG_DIR/postgres.log"

  if pg_server_running; then
    if $conf_changed; then
      log "postgresql settings changed: restarting"
      pgctl restart -w -t 60 -m fast -s -l "$logfile" || { show_log_tail "$logfile"; die "PostgreSQL restart failed"; }
    elif $hba_changed; then
      log "pg_hba.conf changed: reloading"
      pgctl reload -s
    fi
  else
    log "starting PostgreSQL on 127.0.0.1:$DOCMATRIX_PG_PORT"
    pgctl start -w -t 60 -s -l "$logfile" || { show_log_tail "$logfile"; die "PostgreSQL did not start"; }
  fi
  pg_record_pid
}

# ---------------------------------------------------------------------------------------------------------------
# Provisioning. Plain SQL through psql; `\gexec` runs a statement only when the catalog says it is needed, so a warm
# run issues no DDL at all. Passwords are hex (random_secret), safe inside a SQL literal.

# Runs SQL from stdin as a superuser: through the unix socket as postgres, or through DOCMATRIX_PG_ADMIN_URL.
pg_admin_psql() {
  if pg_external; then
    command -v psql >/dev/null || die "psql not found: install postgresql-client"
    psql -X -q -v ON_ERROR_STOP=1 -d "$DOCMATRIX_PG_ADMIN_URL"
  else
    as_postgres "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$(pg_socket_dir)" -p "$DOCMATRIX_PG_PORT" -U postgres -d postgres
  fi
}

pg_password_of() {
  local file
  file=$(pg_password_file "$1")
  [[ -s $file ]] || die "missing $file: run deploy/local/provision"
  local pw
  pw=$(<"$file")
  [[ $pw =~ ^[A-Za-z0-9._~+/=-]+$ ]] || die "$file holds characters that are not safe in SQL; delete it to regenerate"
  printf '%s' "$pw"
}

# Roles are created with their attributes, and only altered when the catalog disagrees.
pg_role_sql() {
  local role=$1 attrs=$2 want=$3 password=${4:-}
  local create="CREATE ROLE $role $attrs"
  # Quotes doubled: the statement is itself inside a SQL string literal that \gexec executes.
  [[ -n $password ]] && create+=" PASSWORD ''$password''"
  cat <<EOF
SELECT '$create' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role')\gexec
SELECT 'ALTER ROLE $role $attrs' FROM pg_roles WHERE rolname = '$role' AND NOT ($want)\gexec
EOF
}

pg_database_sql() {
  local db=$1 owner=$2 private=$3
  cat <<EOF
SELECT 'CREATE DATABASE $db OWNER $owner' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')\gexec
SELECT 'ALTER DATABASE $db OWNER TO $owner' FROM pg_database WHERE datname = '$db' AND datdba <> '$owner'::regrole::oid\gexec
EOF
  # A service database is for its own service only; without this every role may connect to every database.
  if [[ $private == private ]]; then
    cat <<EOF
SELECT 'REVOKE CONNECT, TEMPORARY ON DATABASE $db FROM PUBLIC' FROM pg_database
 WHERE datname = '$db' AND (datacl IS NULL OR EXISTS (SELECT FROM aclexplode(datacl) a WHERE a.grantee = 0 AND a.privilege_type = 'CONNECT'))\gexec
EOF
  fi
}

pg_provision_sql() {
  local short role attrs want db
  for short in "${PG_SERVICE_SHORTS[@]}"; do
    role=$(pg_service_role "$short")
    if [[ $short == query ]]; then
      attrs="LOGIN NOREPLICATION" want="rolcanlogin AND NOT rolreplication"
    else
      attrs="LOGIN REPLICATION" want="rolcanlogin AND rolreplication"
    fi
    pg_role_sql "$role" "$attrs" "$want" "$(pg_password_of "$role")"
    pg_database_sql "$(pg_service_db "$short")" "$role" private
  done
  # The test role has no password: pg_hba trusts it on 127.0.0.1, for the test databases only. CREATEROLE lets
  # tests create throwaway roles; REPLICATION lets Debezium tests open replication slots.
  pg_role_sql "$PG_TEST_ROLE" "LOGIN REPLICATION CREATEROLE" "rolcanlogin AND rolreplication AND rolcreaterole"
  for short in "${PG_SERVICE_SHORTS[@]}"; do
    pg_database_sql "$(pg_test_db "$short")" "$PG_TEST_ROLE" shared
  done
  pg_role_sql "$PG_QUERY_APP_ROLE" "$PG_RLS_ROLE_ATTRS" "$PG_RLS_ROLE_WANT" "$(pg_password_of "$PG_QUERY_APP_ROLE")"
  pg_role_sql "$PG_QUERY_TEST_APP_ROLE" "$PG_RLS_ROLE_ATTRS" "$PG_RLS_ROLE_WANT"
  # The query database is private (no CONNECT for PUBLIC): its app role is let in explicitly. Table privileges come
  # from query-service's migrations, which run as the owner.
  cat <<EOF
SELECT 'GRANT CONNECT ON DATABASE $(pg_service_db query) TO $PG_QUERY_APP_ROLE'
 WHERE NOT has_database_privilege('$PG_QUERY_APP_ROLE', '$(pg_service_db query)', 'CONNECT')\gexec
EOF
  # pgvector needs a superuser to create; the query databases then use it as their owner.
  for db in "$(pg_service_db query)" "$(pg_test_db query)"; do
    printf '\\connect %s\n' "$db"
    printf '%s\n' "SELECT 'CREATE EXTENSION vector' WHERE NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'vector')\\gexec"
    # Lets full-text matching use the GIN index under row-level security: PostgreSQL evaluates a condition before the
    # tenant policy only when its function is leakproof (docs/security.md, "Full-text search under row-level security").
    printf '%s\n' "ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF;"
  done
}

# True when the role logs in with the stored password over TCP, exactly as its service will.
pg_can_login() {
  local role=$1 db=$2
  PGPASSWORD=$(pg_password_of "$role") PGCONNECT_TIMEOUT=5 \
    psql -X -q -At -h "$DOCMATRIX_PG_HOST" -p "$DOCMATRIX_PG_PORT" -U "$role" -d "$db" -c 'SELECT 1' >/dev/null 2>&1
}

pg_provision() {
  local short role
  for short in "${PG_SERVICE_SHORTS[@]}"; do
    ensure_secret_file "$(pg_password_file "$(pg_service_role "$short")")"
  done
  ensure_secret_file "$(pg_password_file "$PG_QUERY_APP_ROLE")"
  pg_provision_sql | pg_admin_psql
  # The password is set on CREATE only. When var/ was wiped but the cluster survived (it may live outside the
  # checkout) or someone changed it by hand, realign the role with the secrets file.
  for short in "${PG_SERVICE_SHORTS[@]}"; do
    role=$(pg_service_role "$short")
    if ! pg_can_login "$role" "$(pg_service_db "$short")"; then
      log "resetting the password of $role to the one in $(pg_password_file "$role")"
      printf "ALTER ROLE %s PASSWORD '%s';\n" "$role" "$(pg_password_of "$role")" | pg_admin_psql
      pg_can_login "$role" "$(pg_service_db "$short")" || die "$role still cannot log in to $(pg_service_db "$short")"
    fi
  done
  if ! pg_can_login "$PG_QUERY_APP_ROLE" "$(pg_service_db query)"; then
    log "resetting the password of $PG_QUERY_APP_ROLE to the one in $(pg_password_file "$PG_QUERY_APP_ROLE")"
    printf "ALTER ROLE %s PASSWORD '%s';\n" "$PG_QUERY_APP_ROLE" "$(pg_password_of "$PG_QUERY_APP_ROLE")" | pg_admin_psql
    pg_can_login "$PG_QUERY_APP_ROLE" "$(pg_service_db query)" ||
      die "$PG_QUERY_APP_ROLE still cannot log in to $(pg_service_db query)"
  fi
}

# ---------------------------------------------------------------------------------------------------------------
# Entry points.

# Installs, starts and provisions; idempotent and quick when everything is in place.
postgres_up() {
  local started=$SECONDS
  if pg_external; then
    log "external PostgreSQL at $DOCMATRIX_PG_HOST:$DOCMATRIX_PG_PORT (DOCMATRIX_PG_ADMIN_URL): provisioning only"
    pg_provision
    return 0
  fi
  pg_install_packages
  pg_install_pgvector
  pg_choose_location
  pg_init_cluster
  pg_start_cluster
  pg_provision
  log "PostgreSQL ready on 127.0.0.1:$DOCMATRIX_PG_PORT (pid $(read_pid postgres), data $PG_DATA, $((SECONDS - started))s)"
}

postgres_down() {
  if pg_external; then
    log "PostgreSQL is external (DOCMATRIX_PG_ADMIN_URL): left running"
    return 0
  fi
  pg_resolve_location
  if [[ -n $PG_DATA ]] && pg_server_running; then
    log "stopping PostgreSQL ($PG_DATA)"
    if ! pgctl stop -w -t 30 -m fast -s; then
      warn "fast shutdown timed out; using immediate shutdown"
      pgctl stop -w -t 30 -m immediate -s || true
    fi
  fi
  remove_pid postgres
}

# Prints "ready" when the server accepts connections, else "-".
postgres_ready() {
  if command -v pg_isready >/dev/null && pg_isready -q -h "$DOCMATRIX_PG_HOST" -p "$DOCMATRIX_PG_PORT" -t 2; then
    printf 'ready'
  else
    printf -- '-'
  fi
}
