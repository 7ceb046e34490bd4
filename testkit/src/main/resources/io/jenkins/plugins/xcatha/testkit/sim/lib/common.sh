# Shared by every fake command of a simulated xCAT management node. Sourced, never run.
#
# State lives in $SIM_STATE (bind-mounted from the test run's directory), so it persists
# across calls and the test JVM can read and change it directly:
#   node.env              FLAVOUR, ENGINE, NODE_HOSTNAME, ... (written once by the Java side)
#   audit.log             one human-readable line per command (argv quoted with printf %q)
#   calls.log             the same argv, length-prefixed, so Java can recover it byte for byte
#   svc/<name>/           a service that is installed; files running, enabled, levels
#   faults/<kind>[.<arg>] injected faults (content: parameters)
#   db/<table>.csv        the xCAT database, one CSV per table, in tabdump format
#   mounts                simulated mount table lines: "<device> <dir> <fstype>"
#   vip                   the cluster virtual IP when this node carries it
#   exports               the directories exported over NFS now (exportfs)
#   db2/running           the DB2 instance is started (db2start)
# What every node of the cluster sees alike lives in $SIM_CLUSTER:
#   addresses/<hostname>  each node's own address
#   vip/<hostname>        the virtual IP, while that node holds it
#   cut/<hostname>        that node's network is cut: nothing it holds answers
#   vip-in-use            an address something outside the nodes answers on
#   dns/<hostname>        "NAME ADDRESS" lines the named of that node serves (written by makedns -n)
#   shared-db/            the xCAT database on the shared disk: the one a node uses while /etc/xcat is mounted
#   shared/<device>/      the files of each shared device, bind-mounted over the directory of the node that mounts it
#   vg/<group>            AIX: the host name of the node that has the shared volume group varied on (empty: none)
SIM_STATE=/var/lib/xcat-sim
SIM_CLUSTER=/var/lib/xcat-sim-cluster
SIM_HOME=/opt/xcat-sim
# shellcheck disable=SC1091
. "$SIM_STATE/node.env"

sim_now() { "$SIM_HOME/real/date" +%s.%N; }

# Appends one invocation to the audit logs. Length-prefixed records survive any byte
# except NUL, which cannot occur in argv anyway.
sim_record() {
    # The testkit's own look-ups (SimulatedNode.observe) are not activity of the node.
    [ -n "${SIM_NO_AUDIT:-}" ] && return 0
    local quoted='' a record
    for a in "$@"; do printf -v quoted '%s %q' "$quoted" "$a"; done
    printf '%s %s:%s\n' "$(sim_now)" "exec" "$quoted" >> "$SIM_STATE/audit.log"
    local LC_ALL=C
    record="$#"
    for a in "$@"; do record+=" ${#a}:$a"; done
    printf '%s\n' "$record" >> "$SIM_STATE/calls.log"
}

sim_fault() { [ -e "$SIM_STATE/faults/$1" ]; }
sim_fault_value() { cat "$SIM_STATE/faults/$1" 2>/dev/null; }

# Injected "this command fails / hangs" faults, checked by every fake before it does anything.
sim_fault_gate() {
    local name=$1 f
    if sim_fault "hang.$name"; then
        exec sleep 2147483647
    fi
    f=$SIM_STATE/faults/fail.$name
    if [ -e "$f" ]; then
        local rc
        rc=$(head -n 1 "$f")
        tail -n +2 "$f" >&2
        exit "${rc:-1}"
    fi
}

# Every fake starts with: sim_enter <its command name> "$@"
sim_enter() {
    SIM_COMMAND=$1
    sim_record "$@"
    sim_fault_gate "$1"
}

# ---- services -------------------------------------------------------------------------

sim_svc_dir() { printf '%s/svc/%s' "$SIM_STATE" "$1"; }
sim_svc_installed() { [ -d "$(sim_svc_dir "$1")" ]; }
sim_svc_running() { [ -e "$(sim_svc_dir "$1")/running" ]; }
sim_svc_set_running() {
    if [ "$2" = yes ]; then
        echo "$((RANDOM % 30000 + 1000))" > "$(sim_svc_dir "$1")/running"
    else
        rm -f "$(sim_svc_dir "$1")/running"
    fi
    [ "$1" = xcatd ] && sim_xcatd_notification "$2"
    return 0
}

# xcatd registers its monitoring handler in the notification table when it starts and removes it when
# it stops (xcat-observed, second observation): the table has one row exactly while xcatd runs.
SIM_NOTIFICATION_ROW='"montbhandler.pm","monsetting","a,u,d",,'
sim_xcatd_notification() {
    local table
    table=$(sim_db_dir)/notification.csv
    [ -f "$table" ] || return 0
    grep -v -F "$SIM_NOTIFICATION_ROW" "$table" > "$table.new"
    [ "$1" = yes ] && printf '%s\n' "$SIM_NOTIFICATION_ROW" >> "$table.new"
    mv "$table.new" "$table"
}
sim_svc_pid() { cat "$(sim_svc_dir "$1")/running" 2>/dev/null; }

# Whether a service comes back at boot. On AIX this is read from the very files a real
# AIX boot reads (/etc/inittab, /etc/rc.tcpip), so editing them with sed counts.
# GPFS, on every OS, starts at boot only when autoload=yes (svc/gpfs/autoload, set by
# mmchconfig, read by mmlsconfig) AND its boot hook runs mmautoload: the gpfs unit (for
# gpfs.service + mmautoload.service) on systemd, the gpfs init script's run levels on SysV,
# the inittab entry "mmfs" on AIX.
sim_svc_enabled() {
    local name=$1 d
    d=$(sim_svc_dir "$name")
    [ -d "$d" ] || return 1
    [ "$name" != gpfs ] || [ -e "$d/autoload" ] || return 1
    case "$INIT_SYSTEM" in
        systemd) [ -e "$d/enabled" ] ;;
        sysv) grep -q '[2345]' "$d/levels" 2>/dev/null ;;
        src)
            case "$name" in
                dhcpsd|xntpd|named)
                    grep -Eq "^[[:space:]]*start[[:space:]]+/usr/sbin/$name([[:space:]]|$)" /etc/rc.tcpip ;;
                *)
                    local action id=$name
                    [ "$name" = LoadL ] && id=loadl
                    [ "$name" = gpfs ] && id=mmfs
                    action=$(awk -F: -v id="$id" '$1 == id { print $3 }' /etc/inittab)
                    [ -n "$action" ] && [ "$action" != off ] ;;
            esac ;;
    esac
}

# Starting a service may be refused by a fault (xcatd, the database server), by a corrupt table (xcatd
# refuses to start while any table file is corrupt, xcat-observed D4), or, for xcatd, by a database server
# that does not run (xcatd opens the database when it starts).
sim_svc_start_blocked() {
    if sim_db_server "$1"; then
        sim_fault database-cannot-start && return 0
        return 1
    fi
    [ "$1" = xcatd ] || return 1
    sim_fault xcatd-cannot-start && return 0
    sim_db_answers || return 0
    compgen -G "$SIM_STATE/faults/table-corrupt.*" >/dev/null
}
sim_xcatd_start_error() {
    if ! sim_db_answers; then sim_db_error >&2; return 0; fi
    echo 'DBD::SQLite::db prepare failed: file is not a database at /opt/xcat/lib/perl/xCAT/Table.pm line 998.' >&2
    echo 'Can'"'"'t call method "execute" on an undefined value at /opt/xcat/lib/perl/xCAT/Table.pm line 999.' >&2
}
# What a service prints when it cannot start (sim_svc_start_blocked).
sim_start_error() {
    if sim_db_server "$1"; then sim_db_start_error "$1"; else sim_xcatd_start_error; fi
}
# What a database server prints when it cannot start (database-cannot-start; guessed wording per engine).
sim_db_start_error() {
    case "$1" in
        postgresql) echo 'pg_ctl: could not start server' >&2
                    echo 'Examine the log output.' >&2 ;;
        mariadb|mysql|mysqld) echo "mysqld: Can't create/write to file '/var/lib/mysql/aria_log_control' (Errcode: 13 \"Permission denied\")" >&2 ;;
    esac
}

# ---- the database server -------------------------------------------------------------------

# The engine this node's xCAT uses now: the prefix of the first line of /etc/xcat/cfgloc (none: SQLite).
sim_cfgloc_engine() {
    local line=''
    [ -r /etc/xcat/cfgloc ] && IFS= read -r line < /etc/xcat/cfgloc
    case "$line" in mysql:*) echo mysql ;; Pg:*) echo Pg ;; DB2:*) echo DB2 ;; *) echo SQLite ;; esac
}
# True when $1 is a database server service of this node (mariadb, mysql, mysqld, postgresql).
sim_db_server() {
    case "$1" in mariadb|mysql|mysqld|postgresql) sim_svc_installed "$1" ;; *) return 1 ;; esac
}
# True when the database xCAT is configured for answers: SQLite always (files), MySQL/MariaDB and PostgreSQL
# while their server runs on this node, DB2 while its instance is started. (A cfgloc naming an engine whose
# server this node does not have at all, as fault engine=E makes it, is not gated: only the prefix matters.)
sim_db_answers() {
    local s installed=''
    case "$(sim_cfgloc_engine)" in
        SQLite) return 0 ;;
        mysql)
            for s in mariadb mysql mysqld; do
                sim_svc_installed "$s" && installed=1
                sim_svc_running "$s" && return 0
            done
            [ -z "$installed" ] ;;
        Pg) ! sim_svc_installed postgresql || sim_svc_running postgresql ;;
        DB2) [ ! -d "$SIM_STATE/db2" ] || [ -e "$SIM_STATE/db2/running" ] ;;
    esac
}
# What xCAT's Table.pm prints when DBI cannot connect (DBD wording; the Table.pm line is guessed).
sim_db_error() {
    local host
    host=$(sed -n 's/.*host=\([^;|]*\).*/\1/p' /etc/xcat/cfgloc 2>/dev/null)
    case "$(sim_cfgloc_engine)" in
        mysql) echo "DBI connect('database=xcatdb;host=$host','xcatadmin',...) failed: Can't connect to MySQL server on '$host' (111) at /opt/xcat/lib/perl/xCAT/Table.pm line 1094." ;;
        Pg) echo "DBI connect('dbname=xcatdb;host=$host','xcatadm',...) failed: could not connect to server: Connection refused"
            echo "	Is the server running on host \"$host\" and accepting"
            echo "	TCP/IP connections on port 5432? at /opt/xcat/lib/perl/xCAT/Table.pm line 1094." ;;
        DB2) echo "DBI connect('xcatdb','xcatdb',...) failed: [IBM][CLI Driver] SQL1032N  No start database manager command was issued.  SQLSTATE=57019 at /opt/xcat/lib/perl/xCAT/Table.pm line 1094." ;;
    esac
}
# Every command that opens the database (through xcatd or with XCATBYPASS) fails while it does not answer.
sim_db_gate() {
    sim_db_answers && return 0
    sim_db_error >&2
    exit 1
}

# Service name as given on a command line, without a ".service" suffix.
sim_unit() { local u=$1; printf '%s' "${u%.service}"; }

# The database this node's xCAT uses: the shared disk's while /etc/xcat is mounted (the active management
# node; it moves to whichever node mounts the shared data), else the node's own local one.
# The shared disk behind a device of the shared data: a directory of the cluster, bound over the mount point of
# whichever node mounts it, so its files (cfgloc, /install) move with it. Other devices (NFS) have no files here.
sim_bind_shared() { # DEVICE DIR
    case "$1" in /dev/mapper/xcatvg-*) ;; *) return 0 ;; esac
    mkdir -p "$SIM_CLUSTER/shared/${1##*/}" "$2" && /opt/xcat-sim/real/mount --bind "$SIM_CLUSTER/shared/${1##*/}" "$2"
}
sim_unbind_shared() { # DEVICE DIR
    case "$1" in /dev/mapper/xcatvg-*) ;; *) return 0 ;; esac
    /opt/xcat-sim/real/umount "$2"
}

sim_db_dir() {
    if awk '$2 == "/etc/xcat" { f = 1 } END { exit !f }' "$SIM_STATE/mounts" 2>/dev/null; then
        echo "$SIM_CLUSTER/shared-db"
    else
        echo "$SIM_STATE/db"
    fi
}

# ---- the network the nodes share ----------------------------------------------------------

# Records whether this node holds the virtual IP ($1: the address, or empty when it gives it up).
sim_hold_vip() {
    if [ -n "$1" ]; then
        echo "$1" > "$SIM_STATE/vip"
        echo "$1" > "$SIM_CLUSTER/vip/$NODE_HOSTNAME"
    else
        : > "$SIM_STATE/vip"
        rm -f "$SIM_CLUSTER/vip/$NODE_HOSTNAME"
    fi
}

# True when something answers on address $1 as seen from this node: the node itself, another node whose
# network is not cut (its own address or the virtual IP it holds), or something else on the network.
sim_answers() {
    local a=$1 f holder
    case "$a" in 127.0.0.1|localhost|"$NODE_ADDRESS") return 0 ;; esac
    [ "$(tr -d ' \n' < "$SIM_STATE/vip" 2>/dev/null)" = "$a" ] && return 0
    grep -qx -- "$a" "$SIM_CLUSTER/vip-in-use" 2>/dev/null && return 0
    for f in "$SIM_CLUSTER"/addresses/* "$SIM_CLUSTER"/vip/*; do
        [ -f "$f" ] || continue
        holder=${f##*/}
        [ "$holder" = "$NODE_HOSTNAME" ] && continue
        [ -e "$SIM_CLUSTER/cut/$holder" ] && continue
        grep -qx -- "$a" "$f" && return 0
    done
    return 1
}

# ---- time ----------------------------------------------------------------------------

# The servers the time daemon is configured with ($TIME_CONFIG: chrony.conf or ntp.conf), in
# file order: what chronyc sources and ntpq -p list. ("!" and "#" start comments.)
sim_time_servers() {
    awk '$1 == "server" || $1 == "pool" || $1 == "peer" { print $2 }' "$TIME_CONFIG" 2>/dev/null
}

# ---- xCAT client ------------------------------------------------------------------------

# What an xCAT client command prints when it cannot reach xcatd on localhost:3001
# (xcat-observed 2.2), and the exit code Perl's die gives for ECONNREFUSED.
sim_xcatd_unreachable() {
    echo 'Unable to open socket connection to xcatd daemon on localhost:3001.'
    echo 'Verify that the xcatd daemon is running and that your SSL setup is correct.'
    echo 'Connection failure: IO::Socket::INET: connect: Connection refused at /opt/xcat/lib/perl/xCAT/Client.pm line 248.' >&2
    exit 111
}

# True when the caller may talk to the database: xcatd is running, or XCATBYPASS is set.
sim_xcat_reachable() {
    [ -n "${XCATBYPASS:-}" ] && return 0
    sim_svc_running xcatd
}

# True when xcatd runs but denies every request: a table file it cannot open (a directory in place of
# hosts.sqlite, or an unreadable passwd table) makes it refuse them all, lsxcatd included (xcat-observed
# 2.4d and the second observation). Commands with XCATBYPASS open the database themselves.
sim_xcatd_denies() {
    [ -z "${XCATBYPASS:-}" ] && compgen -G "$SIM_STATE/faults/table-unopenable-denying.*" >/dev/null
}

# The gate of every xCAT client command: xcatd must answer, and take the request.
sim_xcatd_request() {
    sim_xcat_reachable || sim_xcatd_unreachable
    # lsxcatd with XCATBYPASS only reads files (version, cfgloc): it needs no database.
    if [ "${SIM_COMMAND:-}" != lsxcatd ] || [ -z "${XCATBYPASS:-}" ]; then sim_db_gate; fi
    if sim_xcatd_denies; then
        echo 'Error: Permission denied for request' >&2
        exit 1
    fi
}

SIM_XCAT_VERSION='Version 2.19.0 (git commit 7733d16f8de0fc36b80638c04a7033931fa13304)'
