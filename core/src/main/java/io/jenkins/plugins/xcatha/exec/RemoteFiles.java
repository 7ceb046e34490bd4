package io.jenkins.plugins.xcatha.exec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Files to and from a node, built only on {@link CommandRunner#run}: so it works the same over Trilead,
 * OpenSSH and locally, and, given a step's recording runner, every command is in the step's report.
 * Copies stream in constant memory and are checked against SHA-256 computed on the node; a small text file
 * put onto a node replaces the old one atomically, after a backup, and only if it differs.
 */
public final class RemoteFiles {
    /** Suffix of the copy kept of a file before it is replaced. */
    public static final String BACKUP_SUFFIX = ".xcat-ha.bak";

    private static final String PRESENT = "present\n";
    private static final String ABSENT = "absent\n";

    // $1 file; prints a marker line, then the content.
    private static final String READ = "if [ -f \"$1\" ]; then echo present; exec cat \"$1\"; "
            + "elif [ -e \"$1\" ]; then echo \"$1 is not a regular file\" >&2; exit 2; else echo absent; fi";

    /*
     * $1 file, $2 mode of a new file, $3 mode of a new directory ("" = the directory must exist); content
     * on stdin. POSIX only (AIX has no mktemp --, chmod/chown --reference or dirname --): the temporary
     * name is the file's plus the shell's pid, and cp -p carries mode and owner over. No sync: a system-
     * wide sync on a busy management node is costly, and AIX's sync takes no file.
     */
    private static final String REPLACE = "f=$1; t=\"$f.xcat-ha.$$\"; d=${f%/*}; [ -n \"$d\" ] || d=/; "
            + "trap 'rm -f \"$t\"' 0; trap 'rm -f \"$t\"; exit 1' 1 2 13 15; "
            + "if [ ! -d \"$d\" ]; then [ -n \"$3\" ] || { echo \"$d: no such directory\" >&2; exit 1; }; "
            + "mkdir -p \"$d\" && chmod \"$3\" \"$d\" || exit 1; fi; "
            + "if [ -f \"$f\" ]; then cp -p \"$f\" \"$f" + BACKUP_SUFFIX + "\" && rm -f \"$t\" && cp -p \"$f\" \"$t\" || exit 1; "
            + "elif [ -e \"$f\" ]; then echo \"$f is not a regular file\" >&2; exit 1; "
            + "else rm -f \"$t\" && (umask 077; : > \"$t\") && chmod \"$2\" \"$t\" || exit 1; fi; "
            + "cat > \"$t\" && mv -f \"$t\" \"$f\"";

    private final String target;
    private final CommandRunner runner;

    public RemoteFiles(RemoteShell shell) {
        this(shell.target(), shell);
    }

    /**
     * @param target how messages name the node
     * @param runner runs the commands, e.g. a step's recording runner so the report shows every command
     */
    public RemoteFiles(String target, CommandRunner runner) {
        this.target = Objects.requireNonNull(target, "target");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** The SHA-256 of a file on the node, or null when it does not exist. */
    public String sha256(String remotePath) throws ShellException, InterruptedException {
        CommandResult r = runner.run(Command.shell(
                NodeSha256.withFunction("[ -f \"$1\" ] || exit 3; sha256 \"$1\""), remotePath));
        if (r.exitCode() == 3) {
            return null;
        }
        requireSuccess(r, "SHA-256 of " + remotePath);
        return r.stdout().strip().split("\\s+")[0];
    }

    /** Copies one file from the node to {@code local} (replaced atomically) and returns its size. */
    public long copyFileFrom(String remotePath, Path local) throws ShellException, InterruptedException, IOException {
        Path tmp = Files.createTempFile(local.toAbsolutePath().getParent(), ".xcat-ha-copy", ".part");
        try {
            MessageDigest sha = sha256Digest();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                CommandResult r = runner.run(Command.of("cat", "--", remotePath).streamingStdoutTo(out));
                requireSuccess(r, "reading " + remotePath);
            }
            size = Files.size(tmp);
            String expected = sha256(remotePath);
            String actual = HexFormat.of().formatHex(sha.digest());
            if (!actual.equals(expected)) {
                throw new ShellException(target, ShellException.Phase.COMMAND, "copy of " + remotePath
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
     * file) and checks every regular file against its SHA-256 computed on the node. Returns the number of files.
     */
    public int copyTreeFrom(String remoteDir, Path localDir) throws ShellException, InterruptedException, IOException {
        Files.createDirectories(localDir);
        Path tar = Files.createTempFile(".xcat-ha-tree", ".tar");
        try {
            try (OutputStream out = Files.newOutputStream(tar)) {
                requireSuccess(runner.run(Command.of("tar", "-C", remoteDir, "-cf", "-", ".").streamingStdoutTo(out)),
                        "archiving " + remoteDir);
            }
            Map<String, String> local = extract(tar, localDir);
            CommandResult sums = runner.run(Command.shell("cd \"$1\" && find . -type f -exec sh -c "
                    + ShellQuoting.quote(NodeSha256.withFunction("sha256 \"$@\"")) + " sh {} +", remoteDir));
            requireSuccess(sums, "SHA-256 of the files under " + remoteDir);
            int files = 0;
            for (String line : sums.stdout().split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String sum = line.substring(0, 64);
                String name = normalize(line.substring(66));
                if (!sum.equals(local.get(name))) {
                    throw new ShellException(target, ShellException.Phase.COMMAND, "copy of " + remoteDir
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
     * The content of a small text file on the node, or empty when it does not exist. A path that exists
     * but is not a regular file, or a file larger than the shell's output cap, is an error.
     */
    public Optional<String> readText(String remotePath) throws ShellException, InterruptedException {
        requireAbsolute(remotePath);
        CommandResult r = runner.run(Command.shell(READ, remotePath));
        if (!r.succeeded()) {
            throw new ShellException(r.host(), ShellException.Phase.COMMAND, "could not read " + remotePath
                    + " (exit " + r.exitCode() + "): " + r.combinedOutput());
        }
        if (r.stdoutDroppedBytes() > 0) {
            throw new ShellException(r.host(), ShellException.Phase.COMMAND, remotePath + " is too large to be"
                    + " read as a small file (" + r.stdoutDroppedBytes() + " bytes beyond the output cap)");
        }
        String out = r.stdout();
        if (out.startsWith(ABSENT)) {
            return Optional.empty();
        }
        if (!out.startsWith(PRESENT)) {
            throw new ShellException(r.host(), ShellException.Phase.COMMAND, "reading " + remotePath
                    + " gave no answer the reader knows: " + out.lines().findFirst().orElse(""));
        }
        return Optional.of(out.substring(PRESENT.length()));
    }

    /**
     * Puts a small text file into an existing directory on the node; see
     * {@link #putFile(String, byte[], String, String)}.
     */
    public boolean putFile(String remotePath, byte[] content, String modeIfNew)
            throws ShellException, InterruptedException {
        return putFile(remotePath, content, modeIfNew, null);
    }

    /**
     * Puts a small UTF-8 text file onto the node. Nothing is written when the file already holds
     * {@code content} (returns false). Otherwise a temporary file {@code FILE.xcat-ha.PID} is made beside the
     * target (a {@code cp -p} of the old file, so it keeps its mode and owner, or an empty file with
     * {@code modeIfNew}), the content goes in through stdin, the old file is kept as
     * {@code FILE.xcat-ha.bak}, and a rename replaces the target in one step: an abort at any point leaves
     * the old or the new file. A missing directory is created with {@code directoryModeIfNew}, or is an
     * error when that is null. The file is read back afterwards. Returns true.
     *
     * <p>Only POSIX sh and tools (cp -p, cat, mv, chmod, mkdir, rm), no GNU options, so it works on AIX.
     */
    public boolean putFile(String remotePath, byte[] content, String modeIfNew, String directoryModeIfNew)
            throws ShellException, InterruptedException {
        requirePutArguments(remotePath, modeIfNew, directoryModeIfNew);
        utf8(remotePath, content);
        return putFile(remotePath, readText(remotePath), content, modeIfNew, directoryModeIfNew);
    }

    /**
     * {@link #putFile(String, byte[], String, String)} for a caller that has just read the file with
     * {@link #readText}: {@code current} is what it read, so the file is not read a second time first.
     */
    public boolean putFile(String remotePath, Optional<String> current, byte[] content, String modeIfNew,
                           String directoryModeIfNew) throws ShellException, InterruptedException {
        requirePutArguments(remotePath, modeIfNew, directoryModeIfNew);
        String wanted = utf8(remotePath, content);
        if (current.filter(wanted::equals).isPresent()) {
            return false;
        }
        CommandResult w = runner.run(Command.shell(REPLACE, remotePath, modeIfNew,
                directoryModeIfNew == null ? "" : directoryModeIfNew).withStdin(content));
        if (!w.succeeded()) {
            throw new ShellException(w.host(), ShellException.Phase.COMMAND, "could not write " + remotePath
                    + " (exit " + w.exitCode() + "): " + w.combinedOutput());
        }
        if (!readText(remotePath).filter(wanted::equals).isPresent()) {
            throw new ShellException(w.host(), ShellException.Phase.COMMAND, remotePath
                    + " does not hold the content just written");
        }
        return true;
    }

    private static void requirePutArguments(String remotePath, String modeIfNew, String directoryModeIfNew) {
        requireAbsolute(remotePath);
        requireMode("modeIfNew", modeIfNew);
        if (directoryModeIfNew != null) {
            requireMode("directoryModeIfNew", directoryModeIfNew);
        }
    }

    private static void requireAbsolute(String remotePath) {
        if (remotePath == null || !remotePath.startsWith("/") || remotePath.endsWith("/")
                || remotePath.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("remote file '" + remotePath + "' is not an absolute path to a file");
        }
    }

    private static void requireMode(String field, String mode) {
        if (mode == null || !mode.matches("[0-7]{3,4}")) {
            throw new IllegalArgumentException(field + " '" + mode + "' is not an octal mode such as 0644");
        }
    }

    /** The content as text: a file is compared through the shell's (UTF-8) output, so it must be text. */
    private static String utf8(String remotePath, byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("content for " + remotePath + " is not UTF-8 text", e);
        }
    }

    private void requireSuccess(CommandResult r, String what) throws ShellException {
        if (!r.succeeded()) {
            throw new ShellException(target, ShellException.Phase.COMMAND, what + " failed (`"
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
}
