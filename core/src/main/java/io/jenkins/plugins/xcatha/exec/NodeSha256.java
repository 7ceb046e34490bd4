package io.jenkins.plugins.xcatha.exec;

/**
 * SHA-256 on a node with whichever tool it has: {@code sha256sum} on Linux, {@code shasum} or
 * {@code openssl} on AIX, which ships no sha256sum. Output is always in sha256sum format
 * ({@code <hex>  name} or {@code <hex> *name}), so one parser serves every node.
 */
public final class NodeSha256 {

    /**
     * A POSIX sh function {@code sha256 FILE...}. openssl gets {@code ./name} for relative names so that a
     * name starting with '-' is not an option; the prefix is taken off again in its output.
     */
    public static final String FUNCTION = """
            sha256() {
              if command -v sha256sum >/dev/null 2>&1; then sha256sum -- "$@"
              elif command -v shasum >/dev/null 2>&1; then shasum -a 256 -- "$@"
              elif command -v openssl >/dev/null 2>&1; then
                for f; do
                  case $f in /*) p=$f ;; *) p=./$f ;; esac
                  openssl dgst -sha256 -r "$p" | sed "s| \\\\*\\\\./| *|" || return 1
                done
              else echo "no SHA-256 tool on the node (sha256sum, shasum or openssl)" >&2; return 5; fi
            }
            """;

    private NodeSha256() {
    }

    /** {@code script} with the {@code sha256} function defined before it. */
    public static String withFunction(String script) {
        return FUNCTION + script;
    }
}
