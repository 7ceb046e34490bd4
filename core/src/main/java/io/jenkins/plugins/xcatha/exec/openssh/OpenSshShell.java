package io.jenkins.plugins.xcatha.exec.openssh;

import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.CommandStreams;
import io.jenkins.plugins.xcatha.exec.PidMarkerStream;
import io.jenkins.plugins.xcatha.exec.RemoteCommandWrapper;
import io.jenkins.plugins.xcatha.exec.RemoteShell;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.exec.ShellException.Phase;
import io.jenkins.plugins.xcatha.exec.ShellQuoting;
import io.jenkins.plugins.xcatha.exec.ShellSettings;
import io.jenkins.plugins.xcatha.exec.SshCredentials;
import io.jenkins.plugins.xcatha.exec.hostkey.HostKey;
import io.jenkins.plugins.xcatha.exec.hostkey.HostKeyRejectedException;
import io.jenkins.plugins.xcatha.exec.hostkey.HostKeyVerification;
import io.jenkins.plugins.xcatha.exec.hostkey.OpenSshHostKeyContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs commands with the system {@code ssh} client, the CLI's default transport: it honours the user's
 * ssh_config, ssh-agent and keys and speaks every modern algorithm. One ControlMaster per node (its
 * socket in a private 0700 directory) carries every command; {@link #close()} stops it. BatchMode is on,
 * so ssh never waits for a prompt. Host keys are checked by ssh itself, configured by the strategy.
 */
public final class OpenSshShell implements RemoteShell {
    private static final Pattern OFFERED = Pattern.compile("(SHA256:[A-Za-z0-9+/]{43})");

    private final HostAndPort address;
    private final SshCredentials credentials;
    private final HostKeyVerification hostKeys;
    private final ShellSettings settings;
    private final String target;
    private final ReentrantLock masterLock = new ReentrantLock();
    private final Set<Running> running = ConcurrentHashMap.newKeySet();
    private Path privateDir;
    private List<String> baseOptions;
    private volatile boolean masterUp;
    private volatile boolean closed;

    public OpenSshShell(HostAndPort address, SshCredentials credentials, HostKeyVerification hostKeys,
                        ShellSettings settings) {
        this.address = Objects.requireNonNull(address, "address");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.hostKeys = Objects.requireNonNull(hostKeys, "host key verification");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.target = address.sshTarget(credentials.user());
    }

    @Override
    public String target() {
        return target;
    }

    /** Starts the ControlMaster now (with the configured retries) instead of on the first command. */
    public void connect() throws ShellException, InterruptedException {
        ensureMaster();
    }

    private void ensureMaster() throws ShellException, InterruptedException {
        if (masterUp) {
            return;
        }
        masterLock.lockInterruptibly();
        try {
            if (masterUp) {
                return;
            }
            checkOpen("connecting");
            prepare();
            for (int attempt = 1; ; attempt++) {
                try {
                    startMaster();
                    masterUp = true;
                    return;
                } catch (ShellException e) {
                    boolean permanent = e.phase() != Phase.CONNECT && e.phase() != Phase.KEY_EXCHANGE;
                    if (permanent || attempt >= settings.connectAttempts() || closed) {
                        throw e;
                    }
                    Thread.sleep(settings.retryDelayAfter(attempt).toMillis());
                }
            }
        } finally {
            masterLock.unlock();
        }
    }

    private void prepare() throws ShellException, InterruptedException {
        if (baseOptions != null) {
            return;
        }
        try {
            privateDir = Files.createTempDirectory("xcat-ha-ssh-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            List<String> options = new ArrayList<>(List.of(
                    "-o", "ControlPath=" + privateDir.resolve("cm"),
                    "-o", "ConnectTimeout=" + Math.max(1, settings.connectTimeout().toSeconds()),
                    "-o", "ServerAliveInterval=" + Math.max(1, settings.keepAliveInterval().toSeconds()),
                    "-o", "ServerAliveCountMax=3",
                    "-o", "PasswordAuthentication=no", "-o", "KbdInteractiveAuthentication=no",
                    "-p", Integer.toString(address.port()), "-l", credentials.user()));
            Path identity = identity();
            if (identity != null) {
                options.addAll(List.of("-i", identity.toString(), "-o", "IdentitiesOnly=yes"));
            }
            if (!credentials.hasPassphrase()) {
                options.addAll(List.of("-o", "BatchMode=yes"));
            }
            for (String o : hostKeys.openSshOptions(new Context())) {
                options.addAll(List.of("-o", o));
            }
            baseOptions = List.copyOf(options);
            checkKeyOpens(identity);
        } catch (HostKeyRejectedException e) {
            throw new ShellException(target, Phase.HOST_KEY, e.getMessage());
        } catch (ShellException e) {
            throw e;
        } catch (IOException e) {
            throw new ShellException(target, Phase.CONNECT, "cannot prepare the ssh client: " + e.getMessage(), e);
        }
    }

    /** Key text goes to a 0600 file in the private directory; a passphrase reaches ssh only via SSH_ASKPASS. */
    private Path identity() throws IOException {
        Path file = credentials.identityFile();
        if (credentials.hasPrivateKeyText()) {
            file = privateDir.resolve("id");
            writePrivate(file, credentials.privateKey());
        }
        if (credentials.hasPassphrase()) {
            writePrivate(privateDir.resolve("passphrase"), credentials.passphrase());
            Path askpass = privateDir.resolve("askpass");
            Files.writeString(askpass, "#!/bin/sh\necho x >> \"$(dirname \"$0\")/askpass.calls\"\n"
                    + "case \"$1\" in *passphrase*) cat \"$(dirname \"$0\")/passphrase\" ;; *) exit 1 ;; esac\n");
            Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
        }
        return file;
    }

    /**
     * ssh in BatchMode skips a key it cannot decrypt and reports only "Permission denied"; ssh-keygen
     * tells a missing or wrong passphrase apart, before any connection. The passphrase travels the same
     * way as for ssh (askpass), never on a command line.
     */
    private void checkKeyOpens(Path identity) throws ShellException, InterruptedException, IOException {
        if (identity == null) {
            return;
        }
        List<String> argv = new ArrayList<>(List.of("ssh-keygen", "-y", "-f", identity.toString()));
        if (!credentials.hasPassphrase()) {
            argv.addAll(List.of("-P", ""));
        }
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (credentials.hasPassphrase()) {
            pb.environment().put("SSH_ASKPASS", privateDir.resolve("askpass").toString());
            pb.environment().put("SSH_ASKPASS_REQUIRE", "force");
            pb.environment().putIfAbsent("DISPLAY", ":0");
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(settings.operationTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            return;
        }
        Files.deleteIfExists(privateDir.resolve("askpass.calls"));
        if (p.exitValue() == 0) {
            return;
        }
        String source = credentials.identityFile() != null ? " (" + credentials.identityFile() + ")" : "";
        if (out.contains("passphrase") || out.contains("incorrect")) {
            throw new ShellException(target, Phase.AUTHENTICATION, credentials.hasPassphrase()
                    ? "the passphrase of the private key for " + credentials.user() + source + " is wrong"
                    : "the private key for " + credentials.user() + source + " is encrypted but no passphrase was given");
        }
        throw new ShellException(target, Phase.AUTHENTICATION, "cannot read the private key for "
                + credentials.user() + source + ": " + out.strip().replace(identity.toString(), "KEY")
                + ". ssh reads OpenSSH, PEM and PKCS#8 keys (RSA, ECDSA, Ed25519)");
    }

    private static void writePrivate(Path file, char[] secret) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        byte[] bytes = new String(secret).getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(file, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            Arrays.fill(secret, '\0');
        }
    }

    private ProcessBuilder ssh(List<String> extra, String... tail) {
        List<String> argv = new ArrayList<>(List.of("ssh"));
        argv.addAll(baseOptions);
        argv.addAll(extra);
        argv.add(address.host());
        argv.addAll(List.of(tail));
        ProcessBuilder pb = new ProcessBuilder(argv);
        if (credentials.hasPassphrase()) {
            pb.environment().put("SSH_ASKPASS", privateDir.resolve("askpass").toString());
            pb.environment().put("SSH_ASKPASS_REQUIRE", "force");
            pb.environment().putIfAbsent("DISPLAY", ":0");
        }
        return pb;
    }

    private void startMaster() throws ShellException, InterruptedException {
        Path log = privateDir.resolve("master.log");
        ProcessBuilder pb = ssh(List.of("-o", "ControlMaster=yes", "-o", "ControlPersist=yes", "-f", "-N"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p;
        try {
            Files.deleteIfExists(log);
            p = pb.start();
        } catch (IOException e) {
            throw new ShellException(target, Phase.CONNECT, "cannot run ssh: " + e.getMessage(), e);
        }
        long limit = settings.connectTimeout().plus(settings.keyExchangeTimeout()).plus(settings.operationTimeout())
                .toMillis();
        if (!p.waitFor(limit, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new ShellException(target, Phase.CONNECT, "ssh did not connect within " + limit / 1000 + " s: "
                    + readLog(log));
        }
        if (p.exitValue() != 0) {
            throw masterFailure(readLog(log));
        }
    }

    private static String readLog(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private ShellException masterFailure(String stderr) {
        String text = stderr.replaceAll("\\s*\n\\s*", " / ");
        if (stderr.contains("Host key verification failed") || stderr.contains("HOST IDENTIFICATION HAS CHANGED")
                || stderr.contains("host key for") && stderr.contains("has changed")) {
            Matcher m = OFFERED.matcher(stderr);
            String offered = m.find() ? m.group(1) : "unknown";
            List<String> expected = hostKeys.expectedFingerprints(address.host(), address.port());
            if (stderr.contains("HAS CHANGED") || stderr.contains("has changed")) {
                return new ShellException(target, Phase.HOST_KEY, "HOST KEY CHANGED: the node offered " + offered
                        + " but " + hostKeys.description() + " expects " + String.join(", ", expected)
                        + ". Someone may be intercepting the connection, or the node was reinstalled: confirm the"
                        + " new key with the node's administrator before replacing the old one.");
            }
            String name = address.port() == 22 ? address.host() : "[" + address.host() + "]:" + address.port();
            return new ShellException(target, Phase.HOST_KEY, "UNKNOWN HOST: " + name + " is not known to "
                    + hostKeys.description() + (expected.isEmpty() ? "" : " with the key it offered (expected "
                    + String.join(", ", expected) + ")") + ". After checking its fingerprint on the node, add it: "
                    + "ssh-keyscan " + (address.port() == 22 ? "" : "-p " + address.port() + " ") + address.host()
                    + " >> KNOWN_HOSTS_FILE. ssh said: " + text);
        }
        if (stderr.contains("Permission denied") || stderr.contains("Too many authentication failures")) {
            String why = "the node refused the key for user " + credentials.user();
            if (askpassCalls() > 1) {
                why = "the passphrase of the private key for " + credentials.user() + " is wrong";
            } else if (stderr.contains("incorrect passphrase") || stderr.contains("bad passphrase")) {
                why = "the passphrase of the private key for " + credentials.user() + " is wrong";
            }
            return new ShellException(target, Phase.AUTHENTICATION, why + " (ssh: " + text + ")");
        }
        if (stderr.contains("no matching") || stderr.contains("kex_exchange_identification")
                || stderr.contains("Unable to negotiate")) {
            return new ShellException(target, Phase.KEY_EXCHANGE, text);
        }
        return new ShellException(target, Phase.CONNECT, text.isEmpty() ? "ssh failed without a message" : text);
    }

    private int askpassCalls() {
        try {
            return (int) Files.readAllLines(privateDir.resolve("askpass.calls")).size();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public CommandResult run(Command command) throws ShellException, InterruptedException {
        String line = ShellQuoting.commandLine(command);
        Duration timeout = settings.timeoutFor(command);
        checkOpen("`" + line + "` could run");
        ensureMaster();
        long start = System.nanoTime();
        Process process;
        try {
            process = ssh(List.of("-o", "ControlMaster=no", "-T"), RemoteCommandWrapper.wrap(command, timeout)).start();
        } catch (IOException e) {
            throw new ShellException(target, Phase.COMMAND, "cannot run ssh: " + e.getMessage(), e);
        }
        Running r = new Running(process);
        running.add(r);
        try {
            CommandStreams streams = CommandStreams.start(command, settings, process.getInputStream(), r.stderr,
                    process.getOutputStream());
            long deadline = start + timeout.plus(settings.killGrace()).toNanos();
            boolean finished;
            try {
                finished = streams.awaitDrained(deadline - System.nanoTime())
                        && process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                r.abort(this);
                throw e;
            }
            if (!finished) {
                r.timedOut = true;
                r.abort(this);
            }
            if (r.aborted.get()) {
                streams.awaitDrained(settings.killGrace().toNanos());
                if (!r.timedOut) {
                    throw new ShellException(target, Phase.CANCELLED, "`" + line + "` was aborted; "
                            + (r.remoteKilled ? "the remote processes were killed" : "the node did not confirm the kill"));
                }
                throw RemoteCommandWrapper.timedOut(target, line, timeout, r.remoteKilled
                        ? "the remote processes were killed" : "the node did not answer, the connection was closed");
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            int exit = process.exitValue();
            long pid = r.stderr.awaitPid(0);
            if (exit == 255 && (pid < 0 || looksLikeSshFailure(streams.stderr().text()))) {
                masterUp = false;
                throw new ShellException(target, pid < 0 ? Phase.CONNECT : Phase.COMMAND,
                        (pid < 0 ? "`" + line + "` could not be started: " : "the connection broke while `" + line
                                + "` ran: ") + streams.stderr().text().strip());
            }
            if (RemoteCommandWrapper.killedByTimeout(exit, millis, timeout)) {
                throw RemoteCommandWrapper.timedOut(target, line, timeout,
                        "timeout(1) killed its processes on the node");
            }
            if (streams.failure() != null) {
                throw new ShellException(target, Phase.COMMAND, "reading the output of `" + line + "` failed: "
                        + streams.failure().getMessage(), streams.failure());
            }
            return streams.result(target, line, exit, millis);
        } finally {
            running.remove(r);
        }
    }

    private static boolean looksLikeSshFailure(String stderr) {
        return stderr.contains("Connection to ") && stderr.contains("closed") || stderr.contains("client_loop")
                || stderr.contains("mux_client") || stderr.contains("Broken pipe") || stderr.contains("Timeout,");
    }

    /** Kills the remote process group of a command through the master; true when the node confirmed it. */
    private boolean killRemote(long pid) {
        try {
            Process p = ssh(List.of("-o", "ControlMaster=no", "-T"),
                    ShellQuoting.commandLine(RemoteCommandWrapper.killCommand(pid)))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.getOutputStream().close();
            if (!p.waitFor(settings.killGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void checkOpen(String what) throws ShellException {
        if (closed) {
            throw new ShellException(target, Phase.CANCELLED, "the shell was closed before " + what);
        }
    }

    /** Aborts running commands (their remote processes killed), stops the master, removes the private directory. */
    @Override
    public void close() {
        closed = true;
        for (Running r : List.copyOf(running)) {
            r.abort(this);
        }
        if (baseOptions != null) {
            try {
                Process p = ssh(List.of("-O", "exit")).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(settings.killGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                }
            } catch (IOException e) {
                // the master is gone already
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        masterUp = false;
        deletePrivateDir();
    }

    private void deletePrivateDir() {
        if (privateDir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(privateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort: the directory is private and under the temp directory
        }
    }

    @Override
    public String toString() {
        return "OpenSshShell[" + target + ", " + hostKeys.description() + "]";
    }

    private final class Context implements OpenSshHostKeyContext {
        @Override
        public String host() {
            return address.host();
        }

        @Override
        public int port() {
            return address.port();
        }

        @Override
        public Path privateDirectory() {
            return privateDir;
        }

        @Override
        public List<HostKey> scanHostKeys() throws IOException, InterruptedException {
            Process p = new ProcessBuilder("ssh-keyscan", "-T", Long.toString(Math.max(1,
                    settings.connectTimeout().toSeconds())), "-p", Integer.toString(address.port()), address.host())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            List<HostKey> keys = new ArrayList<>();
            for (String l : out.split("\n")) {
                String[] f = l.strip().split("\\s+", 2);
                if (f.length == 2 && !l.startsWith("#")) {
                    try {
                        keys.add(HostKey.parse(f[1]));
                    } catch (IllegalArgumentException e) {
                        // a line ssh-keyscan printed that is not a key
                    }
                }
            }
            if (keys.isEmpty()) {
                throw new IOException("ssh-keyscan got no host key from " + target);
            }
            return keys;
        }
    }

    /** One ssh client process in flight. */
    private static final class Running {
        final Process process;
        final PidMarkerStream stderr;
        final AtomicBoolean aborted = new AtomicBoolean();
        volatile boolean timedOut;
        volatile boolean remoteKilled;

        Running(Process process) {
            this.process = process;
            this.stderr = new PidMarkerStream(process.getErrorStream());
        }

        void abort(OpenSshShell shell) {
            if (!aborted.compareAndSet(false, true)) {
                return;
            }
            try {
                long pid = stderr.awaitPid(Math.min(1000, shell.settings.killGrace().toMillis()));
                if (pid > 0) {
                    remoteKilled = shell.killRemote(pid);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
    }
}
