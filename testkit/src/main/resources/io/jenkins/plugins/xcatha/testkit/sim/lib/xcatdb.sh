# The simulated xCAT database: one tabdump-format CSV per table in $SIM_STATE/db.
# Sourced after common.sh.
SIM_DB=$(sim_db_dir)
SIM_CSVTOOL="/usr/bin/perl $SIM_HOME/lib/csvtool.pl"

# All tables, in the order `tabdump` lists them.
sim_tables() { cut -d' ' -f1 "$SIM_HOME/lib/tables.txt"; }
sim_table_exists() { grep -q "^$1 " "$SIM_HOME/lib/tables.txt"; }
sim_table_header() { printf '#%s\n' "$(grep "^$1 " "$SIM_HOME/lib/tables.txt" | cut -d' ' -f2)"; }
sim_site() { $SIM_CSVTOOL get "$SIM_DB/site.csv" key "$1" value 2>/dev/null; }

# The table as `tabdump <t>` shows it through xcatd. A corrupt table file reads as empty
# (header only); an unopenable one fails later in tabutils (xcat-observed 2.4b/c).
sim_table_content() {
    local t=$1
    if sim_fault "table-corrupt.$t"; then sim_table_header "$t"; return 0; fi
    cat "$SIM_DB/$t.csv"
}

# How long one table takes: a dump-delay fault, else the node's real durations (NodeSpec.realDurations:
# per table what a real 2-core node took, xcat-observed second observation: dumpxCATdb 68 s, with
# XCATBYPASS 141 s, restorexCATdb 93 s for 71 tables), else no delay.
#   $1: dump or restore
sim_table_delay() {
    local ms key=${1:-dump}
    ms=$(sim_fault_value dump-delay)
    if [ -z "$ms" ] && [ -f "$SIM_STATE/durations" ]; then
        [ "$key" = dump ] && [ -n "${XCATBYPASS:-}" ] && key=bypass
        ms=$(sed -n "s/^$key=//p" "$SIM_STATE/durations")
    fi
    [ -n "$ms" ] && [ "$ms" -gt 0 ] && sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
    return 0
}
sim_dump_delay() { sim_table_delay dump; }

sim_dbd_error() {
    echo 'DBD::SQLite::db prepare failed: file is not a database at /opt/xcat/lib/perl/xCAT/Table.pm line 998.'
    echo 'Can'"'"'t call method "execute" on an undefined value at /opt/xcat/lib/perl/xCAT/Table.pm line 999.'
}

# tabdump -f FILE TABLE. Prints the error message (for the caller's "Command failed"
# block) and returns non-zero when the file cannot be written.
#   $3: bytes the file system still takes (disk-full fault), empty for unlimited
sim_tabdump_to_file() {
    local t=$1 file=$2 room=${3:-}
    if [ -n "${XCATBYPASS:-}" ] && sim_fault "table-corrupt.$t"; then
        sim_dbd_error; return 2
    fi
    if sim_fault "table-fails.$t" || [ -d "$file" ] || ! : 2>/dev/null >> "$file"; then
        printf 'Error: [%s]: Error on tabdump of %s to %s. Unable to open the file for write. ' "$NODE_HOSTNAME" "$t" "$file"
        return 1
    fi
    if sim_fault "table-unopenable.$t" || sim_fault "table-unopenable-denying.$t"; then : > "$file"; return 0; fi
    if [ -n "$room" ]; then
        # ENOSPC: Perl's buffered print loses what does not fit; the file stays truncated.
        sim_table_content "$t" | head -c "$room" > "$file"
        local size
        size=$(sim_table_content "$t" | wc -c)
        if [ "$size" -gt "$room" ]; then
            printf 'Error: [%s]: Error on tabdump of %s to %s. No space left on device ' "$NODE_HOSTNAME" "$t" "$file"
            return 1
        fi
        return 0
    fi
    sim_table_content "$t" > "$file"
}
