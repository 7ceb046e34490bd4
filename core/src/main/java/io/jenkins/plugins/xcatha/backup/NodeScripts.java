package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.NodeSha256;
import java.util.ArrayList;
import java.util.List;

/**
 * The small POSIX sh scripts db-backup runs on the node. They are constants; every value (paths, names,
 * tokens) travels as a positional argument, quoted by {@link io.jenkins.plugins.xcatha.exec.ShellQuoting}.
 * Work over many files (checking every CSV, hashing, listing backups) happens in one command each instead
 * of one round trip per table.
 *
 * <p>Layout under the backup root (restorexCATdb replays EVERY file of the directory it is given, so
 * nothing but the CSVs may live in a dump directory):
 * <pre>
 *   &lt;root&gt;/xcatdb-20261126T010203Z/          the CSVs, exactly as dumpxCATdb wrote them (restorexCATdb -p)
 *   &lt;root&gt;/xcatdb-20261126T010203Z.sha256    sha256sum manifest, names relative to the directory
 *   &lt;root&gt;/xcatdb-20261126T010203Z.json      metadata, written last: its presence marks the backup complete
 *   &lt;root&gt;/.partial-xcatdb-.../              a dump being written or that failed: never looks complete
 *   &lt;root&gt;/.xcat-ha.lock/owner               held while a run uses the root
 * </pre>
 */
final class NodeScripts {
    static final String XCAT_BIN = "/opt/xcat/bin/";
    static final String XCAT_SBIN = "/opt/xcat/sbin/";
    static final String LOCK_DIR = ".xcat-ha.lock";

    private NodeScripts() {
    }

    /**
     * $1 root, $2 token, $3 owner description, $4 seconds after which a lock counts as stale, $5 seconds to
     * wait. Creates the root when needed ("created"), then takes the lock with an atomic mkdir. Prints
     * "acquired SECONDS_WAITED", "stale OWNER" for a lock it broke, or "held OWNER" (exit 4) when it gave up.
     */
    static final String ACQUIRE_LOCK = """
            root=$1 token=$2 info=$3 stale=$4 wait=$5 lock=$1/.xcat-ha.lock waited=0
            if [ ! -d "$root" ]; then
              mkdir -p -- "$root" || exit 3
              echo created
            fi
            while :; do
              if mkdir -- "$lock" 2>/dev/null; then
                if printf 'token=%s\\nsince=%s\\n%s\\n' "$token" "$(date -u +%s)" "$info" > "$lock/owner"; then
                  echo "acquired $waited"; exit 0
                fi
                rm -rf -- "$lock"; exit 3
              fi
              since=$(sed -n 's/^since=//p' "$lock/owner" 2>/dev/null)
              owner=$(grep -v '^token=' "$lock/owner" 2>/dev/null | tr '\\n' ' ')
              case $since in
                ''|*[!0-9]*) ;;
                *) if [ $(( $(date -u +%s) - since )) -gt "$stale" ] && mv -- "$lock" "$lock.stale.$$" 2>/dev/null; then
                     rm -rf -- "$lock.stale.$$"; echo "stale $owner"; continue
                   fi ;;
              esac
              if [ "$waited" -ge "$wait" ]; then echo "held $owner"; exit 4; fi
              sleep 1; waited=$((waited + 1))
            done
            """;

    /** $1 root, $2 token: removes the lock only when this run holds it. */
    static final String RELEASE_LOCK = """
            lock=$1/.xcat-ha.lock
            if grep -qx "token=$2" "$lock/owner" 2>/dev/null; then rm -rf -- "$lock" && echo released; else echo "not ours"; fi
            """;

    /**
     * $1 root, $2 schema marker. Prints "now EPOCH", "root exists|absent|notdir", "avail KB" (df -Pk of the
     * root or its nearest existing parent), and per directory with our name pattern "entry META SIZE_KB NAME"
     * (META 1 when NAME.json carries our schema marker).
     */
    static final String INVENTORY = """
            root=$1 marker=$2
            echo "now $(date -u +%s)"
            if [ -d "$root" ]; then echo "root exists"; elif [ -e "$root" ]; then echo "root notdir"; else echo "root absent"; fi
            p=$root
            while [ ! -d "$p" ]; do p=$(dirname -- "$p"); done
            df -Pk -- "$p" | awk 'NR == 2 { print "avail", $4 }'
            [ -d "$root" ] || exit 0
            for d in "$root"/xcatdb-* "$root"/.partial-xcatdb-*; do
              [ -d "$d" ] || continue
              n=${d##*/} m=0
              if [ -f "$root/$n.json" ] && grep -qF -- "$marker" "$root/$n.json"; then m=1; fi
              echo "entry $m $(du -sk -- "$d" | awk '{ print $1 }') $n"
            done
            """;

    /** $1 root. Reserves a fresh, empty, never-used name for this run and prints it. */
    static final String RESERVE_NAME = """
            root=$1 base=xcatdb-$(date -u +%Y%m%dT%H%M%SZ) n=1
            name=$base
            while [ -e "$root/$name" ] || [ -e "$root/.partial-$name" ] || [ -e "$root/$name.json" ] || [ -e "$root/$name.sha256" ]; do
              n=$((n + 1)); name=$base-$n
            done
            mkdir -- "$root/.partial-$name" && echo "$name"
            """;

    /**
     * $1 directory, then table names. Per table "STATE TABLE ROWS BYTES" (ok, missing, notfile, empty, truncated: no final newline,
     * as when the disk filled up mid-file, noheader;
     * ROWS = lines after the header), then "file TYPE BYTES NAME" for every entry of the directory.
     */
    static final String CHECK_CSV_FILES = """
            dir=$1; shift
            for t in "$@"; do
              f=$dir/$t.csv
              if [ ! -e "$f" ]; then echo "missing $t 0 0"
              elif [ ! -f "$f" ]; then echo "notfile $t 0 0"
              elif [ ! -s "$f" ]; then echo "empty $t 0 0"
              elif [ -n "$(tail -c 1 "$f")" ]; then echo "truncated $t 0 $(wc -c < "$f" | tr -d ' ')"
              else
                awk -v t="$t" 'NR == 1 { ok = (substr($0, 1, 1) == "#") } END { printf "%s %s %d ", (ok ? "ok" : "noheader"), t, (NR > 0 ? NR - 1 : 0) }' "$f"
                wc -c < "$f" | tr -d ' '
              fi
            done
            for f in "$dir"/* "$dir"/.[!.]* "$dir"/..?*; do
              if [ -f "$f" ]; then echo "file f $(wc -c < "$f" | tr -d ' ') ${f##*/}"
              elif [ -e "$f" ] || [ -L "$f" ]; then echo "file o 0 ${f##*/}"; fi
            done
            """;

    /** $1 directory: the SHA-256 of every file in it, in sha256sum format, with whichever tool the node has. */
    static final String HASH_FILES = NodeSha256.withFunction("""
            cd -- "$1" || exit 3
            set -- *
            [ -e "$1" ] || { echo "the dump directory is empty" >&2; exit 4; }
            sha256 "$@"
            """);

    /**
     * $1 root, $2 name; stdin: the metadata as one JSON line, then the manifest. Writes both beside the
     * dump under partial names, then the dump directory and manifest take their final names and the
     * metadata last, so that a backup never looks complete before all three are in place.
     */
    static final String SEAL = """
            cd -- "$1" || exit 3
            n=$2
            if [ ! -d ".partial-$n" ] || [ -e "$n" ] || [ -e "$n.json" ]; then echo "cannot seal $n: partial missing or name taken" >&2; exit 4; fi
            IFS= read -r json || exit 5
            cat > ".partial-$n.sha256" && printf '%s\n' "$json" > ".partial-$n.json" || exit 5
            mv -- ".partial-$n" "$n" && mv -f -- ".partial-$n.sha256" "$n.sha256" && mv -f -- ".partial-$n.json" "$n.json" && echo sealed
            """;

    /**
     * $1 root, $2 schema marker, then "c:NAME" (a complete backup) or "p:NAME" (a half-written one). A complete
     * backup is removed only when its metadata still carries our marker: metadata first, so an interrupted
     * removal never leaves something that looks complete.
     */
    static final String REMOVE = """
            root=$1 marker=$2; shift 2
            for e in "$@"; do
              n=${e#?:}
              case $n in xcatdb-*) ;; *) echo "refused $n"; continue ;; esac
              case $e in
                c:*)
                  if grep -qF -- "$marker" "$root/$n.json" 2>/dev/null; then
                    rm -f -- "$root/$n.json" && rm -rf -- "$root/$n" && rm -f -- "$root/$n.sha256" && echo "removed $n"
                  else echo "refused $n"; fi ;;
                p:*)
                  rm -rf -- "$root/.partial-$n" "$root/.partial-$n.sha256" "$root/.partial-$n.json" && echo "removed .partial-$n" ;;
              esac
            done
            """;

    /**
     * $1 root, $2 name: the backup as one gzip'd tar on stdout, manifest first so the reader can check as it
     * goes. Level 1: the CSVs compress almost as well, and level 6 on the node was what limited collect.
     */
    static final String ARCHIVE = "cd -- \"$1\" && tar -cf - \"$2.sha256\" \"$2.json\" \"$2\" | gzip -1 -c";

    /** The line between the table list and the skip list in {@link #TABLE_LIST}'s output. */
    static final String SKIP_MARKER = "#skiptables";

    /**
     * The table list ({@code tabdump}), then {@link #SKIP_MARKER}, then what decides the skipped tables:
     * {@code XCAT_SKIPTABLES=...} when set (it overrides the site attribute, xcat-facts 4.1), else
     * {@code tabdump site}.
     */
    static final String TABLE_LIST = """
            /opt/xcat/sbin/tabdump || exit $?
            echo '#skiptables'
            if [ "${XCAT_SKIPTABLES+set}" = set ]; then printf 'XCAT_SKIPTABLES=%s\\n' "$XCAT_SKIPTABLES"; exit 0; fi
            exec /opt/xcat/sbin/tabdump site
            """;

    static Command script(String script, List<String> args) {
        return Command.shell(script, args.toArray(new String[0]));
    }

    static Command script(String script, String... args) {
        return Command.shell(script, args);
    }

    static List<String> concat(List<String> first, List<String> rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(rest);
        return all;
    }
}
