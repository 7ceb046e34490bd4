package io.jenkins.plugins.xcatha.backup;

/**
 * The shell run on the node by db-restore, besides db-backup's lock and hashing ({@link NodeScripts}). Where
 * things live: a staging directory {@code <root>/.restore-staging-<time>-<pid>/} holding only the manifest's
 * table files, and for an archive {@code <root>/.restore-incoming-<name>-<pid>/} where it is unpacked. Both are
 * removed at the end, also after a failure or an abort.
 */
final class RestoreScripts {
    static final String STAGING_PREFIX = ".restore-staging-";
    static final String INCOMING_PREFIX = ".restore-incoming-";
    /** Starts each table's part in {@link #TABLES_NOW} and {@link #FILES}. */
    static final String SECTION = "### ";

    private RestoreScripts() {
    }

    /** $1 root, $2 source directory, then file names. Prints the staging directory, then copies the files. */
    static final String STAGE = """
            root=$1 src=$2; shift 2
            staging=$root/.restore-staging-$(date -u +%Y%m%dT%H%M%SZ)-$$
            mkdir -- "$staging" || exit 3
            echo "$staging"
            for f; do cp -- "$src/$f" "$staging/$f" || exit 4; done
            """;

    /** $1 root, $2 backup name; stdin: the .tar.gz. Prints the directory it unpacked into. */
    static final String UNPACK = """
            root=$1 name=$2
            incoming=$root/.restore-incoming-$name-$$
            { [ -d "$root" ] || mkdir -p -- "$root"; } && mkdir -- "$incoming" || exit 3
            echo "$incoming"
            gzip -dc | (cd -- "$incoming" && tar -xf -) || exit 4
            """;

    /** Directories this procedure made; anything else is refused. */
    static final String REMOVE_DIRS = """
            for d; do
              case ${d##*/} in
                .restore-staging-*|.restore-incoming-*) rm -rf -- "$d" && echo "removed $d" ;;
                *) echo "refused $d" ;;
              esac
            done
            """;

    /** Table names: each table as tabdump prints it now, after a {@link #SECTION} line with its name. */
    static final String TABLES_NOW = """
            for t; do
              echo "### $t"
              /opt/xcat/sbin/tabdump "$t" || echo "### failed $t $?"
            done
            """;

    /** $1 directory, then table names: each TABLE.csv after a {@link #SECTION} line with its name. */
    static final String FILES = """
            dir=$1; shift
            for t; do echo "### $t"; cat -- "$dir/$t.csv" || echo "### failed $t $?"; done
            """;

    /** gettab site.master, then the node's interface addresses (Linux ip, AIX ifconfig). */
    static final String WHERE_IS_MASTER = """
            PATH=$PATH:/opt/xcat/bin:/usr/sbin:/sbin; export PATH
            echo "master $(gettab key=master site.value 2>/dev/null)"
            if [ "$(uname -s)" = AIX ]; then ifconfig -a; else ip -o addr show; fi
            """;
}
