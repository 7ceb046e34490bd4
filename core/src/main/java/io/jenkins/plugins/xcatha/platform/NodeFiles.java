package io.jenkins.plugins.xcatha.platform;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads and replaces small text files on a node. A replacement is atomic: the new content goes to a
 * temporary file beside the target (same file system, same owner and mode as the old file, or
 * {@code mode} for a new one), the old file is kept as {@code FILE.xcat-ha.bak}, then the temporary file
 * is renamed over the target, so an abort at any point leaves either the old or the new file.
 */
public final class NodeFiles {
    private static final String READ = "if [ -e \"$1\" ]; then echo present; cat \"$1\"; else echo absent; fi";

    // $1 target, $2 mode for a new file, $3 mode of the directory when created; content on stdin.
    private static final String REPLACE = "f=$1; d=$(dirname \"$f\"); t=\"$f.xcat-ha.$$\"; "
            + "[ -d \"$d\" ] || { mkdir -p \"$d\" && chmod \"$3\" \"$d\"; } || exit 1; "
            + "if [ -e \"$f\" ]; then cp -p \"$f\" \"$f.xcat-ha.bak\" && cp -p \"$f\" \"$t\" || exit 1; "
            + "else (umask 077; : > \"$t\") && chmod \"$2\" \"$t\" || exit 1; fi; "
            + "cat > \"$t\" && mv \"$t\" \"$f\" || { rm -f \"$t\"; exit 1; }";

    private NodeFiles() {
    }

    /** The file's content, or empty when it does not exist. */
    public static Optional<String> read(NodeExec node, String path) throws ShellException, InterruptedException {
        CommandResult r = node.run(Command.shell(READ, path));
        if (r.exitCode() != 0) {
            throw new ShellException(r.host(), ShellException.Phase.COMMAND,
                    "could not read " + path + " (exit " + r.exitCode() + "): " + r.combinedOutput());
        }
        String out = r.stdout();
        if (out.startsWith("absent")) {
            return Optional.empty();
        }
        int nl = out.indexOf('\n');
        return Optional.of(nl < 0 ? "" : out.substring(nl + 1));
    }

    /** Replaces (or creates) the file; returns the command's result, exit 0 on success. */
    public static CommandResult replace(NodeExec node, String path, String content, String newFileMode,
                                        String newDirectoryMode) throws ShellException, InterruptedException {
        return node.run(Command.shell(REPLACE, path, newFileMode, newDirectoryMode)
                .withStdin(content.getBytes(StandardCharsets.UTF_8)));
    }
}
