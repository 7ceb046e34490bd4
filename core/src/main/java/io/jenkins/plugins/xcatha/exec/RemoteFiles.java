package io.jenkins.plugins.xcatha.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Files to and from a node, built only on {@link RemoteShell#run}: so it works the same over Trilead,
 * OpenSSH and locally. Copies stream in constant memory and are checked against sha256sum run on the
 * node; a file put onto a node replaces the old one atomically, after a backup, and only if it differs.
 */
public final class RemoteFiles {
    /** Suffix of the copy kept of a file before it is replaced. */
    public static final String BACKUP_SUFFIX = ".xcat-ha.bak";

    private final RemoteShell shell;

    public RemoteFiles(RemoteShell shell) {
        this.shell = shell;
    }

    /** The SHA-256 of a file on the node, or null when it does not exist. */
    public String sha256(String remotePath) throws ShellException, InterruptedException {
        CommandResult r = shell.run(Command.shell("[ -f \"$1\" ] || exit 3; sha256sum < \"$1\"", remotePath));
        if (r.exitCode() == 3) {
            return null;
        }
        requireSuccess(r, "sha256sum of " + remotePath);
        return r.stdout().strip().split("\\s+")[0];
    }

    /** Copies one file from the node to {@code local} (replaced atomically) and returns its size. */
    public long copyFileFrom(String remotePath, Path local) throws ShellException, InterruptedException, IOException {
        Path tmp = Files.createTempFile(local.toAbsolutePath().getParent(), ".xcat-ha-copy", ".part");
        try {
            MessageDigest sha = sha256Digest();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                CommandResult r = shell.run(Command.of("cat", "--", remotePath).streamingStdoutTo(out));
                requireSuccess(r, "reading " + remotePath);
            }
            size = Files.size(tmp);
            String expected = sha256(remotePath);
            String actual = HexFormat.of().formatHex(sha.digest());
            if (!actual.equals(expected)) {
                throw new ShellException(shell.target(), ShellException.Phase.COMMAND, "copy of " + remotePath
                        + " is corrupt or the file changed while copying: sha256 " + actual + " here, " + expected
                        + " on the node");
            }
            Files.move(tmp, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return size;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Copies a directory tree from the node into {@code localDir} (tar streamed through a temporary
     * file) and checks every regular file against sha256sum on the node. Returns the number of files.
     */
    public int copyTreeFrom(String remoteDir, Path localDir) throws ShellException, InterruptedException, IOException {
        Files.createDirectories(localDir);
        Path tar = Files.createTempFile(".xcat-ha-tree", ".tar");
        try {
            try (OutputStream out = Files.newOutputStream(tar)) {
                requireSuccess(shell.run(Command.of("tar", "-C", remoteDir, "-cf", "-", ".").streamingStdoutTo(out)),
                        "archiving " + remoteDir);
            }
            Map<String, String> local = extract(tar, localDir);
            CommandResult sums = shell.run(Command.shell("cd \"$1\" && find . -type f -exec sha256sum {} +", remoteDir));
            requireSuccess(sums, "sha256sum of the files under " + remoteDir);
            int files = 0;
            for (String line : sums.stdout().split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String sum = line.substring(0, 64);
                String name = normalize(line.substring(66));
                if (!sum.equals(local.get(name))) {
                    throw new ShellException(shell.target(), ShellException.Phase.COMMAND, "copy of " + remoteDir
                            + "/" + name + " is missing or differs from the node (sha256 " + sum + " there, "
                            + local.get(name) + " here)");
                }
                files++;
            }
            return files;
        } finally {
            Files.deleteIfExists(tar);
        }
    }

    private static String normalize(String name) {
        String n = name.startsWith("./") ? name.substring(2) : name;
        return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
    }

    private Map<String, String> extract(Path tar, Path localDir) throws IOException {
        Map<String, String> sums = new HashMap<>();
        Path root = localDir.toAbsolutePath().normalize();
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                String name = normalize(e.getName());
                if (name.isEmpty() || name.equals(".")) {
                    continue;
                }
                Path target = root.resolve(name).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("refusing archive entry outside " + root + ": " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else if (e.isFile()) {
                    Files.createDirectories(target.getParent());
                    MessageDigest sha = sha256Digest();
                    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha)) {
                        in.transferTo(out);
                    }
                    sums.put(name, HexFormat.of().formatHex(sha.digest()));
                }
            }
        }
        return sums;
    }

    /**
     * Puts a small file onto the node: nothing happens when the content is already there (returns
     * false). Otherwise the content goes to a temporary file in the same directory, takes over the old
     * file's mode and owner (or {@code modeIfNew}), is synced, the old file is kept as
     * {@code FILE.xcat-ha.bak}, and a rename replaces it in one step. Returns true.
     */
    public boolean putFile(String remotePath, byte[] content, String modeIfNew)
            throws ShellException, InterruptedException {
        if (!modeIfNew.matches("[0-7]{3,4}")) {
            throw new IllegalArgumentException("file mode '" + modeIfNew + "' is not an octal mode such as 0644");
        }
        String wanted = sha256Hex(content);
        if (wanted.equals(sha256(remotePath))) {
            return false;
        }
        String script = "set -e; f=$1; d=$(dirname -- \"$f\"); tmp=$(mktemp \"$d/.xcat-ha.XXXXXX\");"
                + " trap 'rm -f \"$tmp\"' EXIT; cat > \"$tmp\";"
                + " if [ -e \"$f\" ]; then chmod --reference=\"$f\" \"$tmp\"; chown --reference=\"$f\" \"$tmp\";"
                + " cp -p -- \"$f\" \"$f" + BACKUP_SUFFIX + "\"; else chmod \"$2\" \"$tmp\"; fi;"
                + " sync \"$tmp\" 2>/dev/null || sync; mv -f -- \"$tmp\" \"$f\"; trap - EXIT";
        requireSuccess(shell.run(Command.shell(script, remotePath, modeIfNew).withStdin(content)),
                "writing " + remotePath);
        String now = sha256(remotePath);
        if (!wanted.equals(now)) {
            throw new ShellException(shell.target(), ShellException.Phase.COMMAND, remotePath
                    + " does not hold the content just written (sha256 " + now + ", expected " + wanted + ")");
        }
        return true;
    }

    private void requireSuccess(CommandResult r, String what) throws ShellException {
        if (!r.succeeded()) {
            throw new ShellException(shell.target(), ShellException.Phase.COMMAND, what + " failed (`"
                    + r.commandLine() + "` exit " + r.exitCode() + "): " + r.stderr().strip());
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256Digest().digest(data));
    }

    static String sha256Hex(InputStream in) throws IOException {
        MessageDigest sha = sha256Digest();
        byte[] buf = new byte[65536];
        int n;
        while ((n = in.read(buf)) >= 0) {
            sha.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
