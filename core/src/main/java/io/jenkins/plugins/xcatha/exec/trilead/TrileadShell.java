package io.jenkins.plugins.xcatha.exec.trilead;

import com.trilead.ssh2.ChannelCondition;
import com.trilead.ssh2.Connection;
import com.trilead.ssh2.ServerHostKeyVerifier;
import com.trilead.ssh2.Session;
import io.jenkins.plugins.xcatha.config.HostAndPort;
import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.CommandStreams;
import io.jenkins.plugins.xcatha.exec.ExecThreads;
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

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs commands over one Trilead SSH connection per node, opened on first use and shared by every
 * command and thread. Designed for the Jenkins agent: the key comes from a Jenkins credential as text.
 * No call waits forever: connecting, authenticating and opening a session are watched, and when the
 * network or the server goes silent the transport is torn down under the blocked call. Commands run
 * under {@link RemoteCommandWrapper}, so a timeout, {@link #close()} or an interrupt kill the remote
 * processes, not just the channel.
 */
public final class TrileadShell implements RemoteShell {
    private final HostAndPort address;
    private final SshCredentials credentials;
    private final HostKeyVerification hostKeys;
    private final ShellSettings settings;
    private final String target;
    private final ReentrantLock connectLock = new ReentrantLock();
    /** The host key algorithm of the last key exchange, to ask for the other types of key after a refusal. */
    private volatile String lastOfferedHostKeyAlgorithm;
    private final Set<RunningCommand> running = ConcurrentHashMap.newKeySet();
    private volatile Connection connection;
    private volatile boolean closed;

    public TrileadShell(HostAndPort address, SshCredentials credentials, HostKeyVerification hostKeys,
                        ShellSettings settings) {
        this.address = Objects.requireNonNull(address, "address");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.hostKeys = Objects.requireNonNull(hostKeys, "host key verification");
        this.settings = Objects.requireNonNull(settings, "settings");
        if (!credentials.hasPrivateKeyText() && credentials.identityFile() == null) {
            throw new IllegalArgumentException("the Trilead SSH client needs a private key for user "
                    + credentials.user() + " (key text or key file); ssh-agent and ssh_config are OpenSSH only");
        }
        this.target = address.sshTarget(credentials.user());
    }

    @Override
    public String target() {
        return target;
    }

    /** Connects now (with the configured retries) instead of on the first command. */
    public void connect() throws ShellException, InterruptedException {
        connection();
    }

    private Connection connection() throws ShellException, InterruptedException {
        Connection c = connection;
        if (c != null) {
            return c;
        }
        connectLock.lockInterruptibly();
        try {
            if (connection == null) {
                connection = connectWithRetries();
            }
            return connection;
        } finally {
            connectLock.unlock();
        }
    }

    private Connection connectWithRetries() throws ShellException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            checkOpen("connecting");
            try {
                return connectOnce(null);
            } catch (ShellException e) {
                if (e.phase() == Phase.HOST_KEY && pinnedByFingerprintOnly()) {
                    Connection c = connectWithAnotherKeyType();
                    if (c != null) {
                        return c;
                    }
                }
                boolean permanent = e.phase() == Phase.HOST_KEY || e.phase() == Phase.AUTHENTICATION
                        || e.phase() == Phase.CANCELLED;
                if (permanent || attempt >= settings.connectAttempts()) {
                    if (attempt > 1 && !permanent) {
                        throw new ShellException(target, e.phase(), "gave up after " + attempt + " attempts; last: "
                                + e.getMessage().substring(e.getMessage().indexOf("failed: ") + 8), e);
                    }
                    throw e;
                }
                Thread.sleep(settings.retryDelayAfter(attempt).toMillis());
            }
        }
    }

    /**
     * A pin given as a fingerprint does not say which type of key it is, and the server shows one key per
     * connection: the one of the first host key algorithm both sides know (ed25519 for the current Trilead,
     * RSA for older builds). OpenSSH's {@code ssh-keyscan} asks for every type; here each other type the
     * library supports is asked for in turn, and the first key that matches the pin is accepted.
     *
     * @return the connection, or null when no key of any type matches (the first refusal stands)
     */
    private Connection connectWithAnotherKeyType() throws ShellException, InterruptedException {
        for (List<String> family : TrileadSupport.hostKeyFamilies(TrileadSupport.availableHostKeyAlgorithms())) {
            if (family.contains(lastOfferedHostKeyAlgorithm)) {
                continue;
            }
            try {
                return connectOnce(family.toArray(new String[0]));
            } catch (ShellException e) {
                // another refusal, or a server without a key of this type (it closes the connection)
                if (e.phase() == Phase.CANCELLED || e.phase() == Phase.AUTHENTICATION) {
                    throw e;
                }
            }
        }
        return null;
    }

    private boolean pinnedByFingerprintOnly() {
        return hostKeys.knownKeyTypes(address.host(), address.port()).isEmpty()
                && !hostKeys.expectedFingerprints(address.host(), address.port()).isEmpty();
    }

    /** @param onlyAlgorithms the host key algorithms to allow, or null for the strategy's preference */
    private Connection connectOnce(String[] onlyAlgorithms) throws ShellException, InterruptedException {
        Connection c = new Connection(address.host(), address.port());
        Verifier verifier = new Verifier();
        long connectMs = settings.connectTimeout().toMillis();
        long kexMs = settings.keyExchangeTimeout().toMillis();
        Watch watch = Watch.arm(c, connectMs + kexMs + 2000, "connecting to " + target + " timed out");
        boolean ok = false;
        try {
            try {
                c.setTCPNoDelay(true);
                String[] algorithms = onlyAlgorithms != null ? onlyAlgorithms : TrileadSupport.preferredHostKeyAlgorithms(
                        hostKeys.knownKeyTypes(address.host(), address.port()),
                        TrileadSupport.availableHostKeyAlgorithms());
                if (algorithms != null) {
                    c.setServerHostKeyAlgorithms(algorithms);
                }
                c.connect(verifier, (int) connectMs, (int) kexMs);
            } catch (IOException | RuntimeException e) {
                if (isInterrupt(e)) {
                    throw interruption(e);
                }
                throw connectFailure(e, verifier, watch);
            }
            authenticate(c, watch);
            c.addConnectionMonitor(cause -> forget(c));
            ok = true;
            return c;
        } finally {
            watch.disarm();
            if (!ok) {
                closeQuietly(c);
            }
        }
    }

    private ShellException connectFailure(Exception e, Verifier verifier, Watch watch) {
        if (verifier.rejection != null) {
            return new ShellException(target, Phase.HOST_KEY, verifier.rejection.getMessage());
        }
        if (closed) {
            return new ShellException(target, Phase.CANCELLED, "the shell was closed while connecting");
        }
        String causes = causeChain(e);
        if (watch.fired()) {
            return new ShellException(target, Phase.CONNECT, "no answer within "
                    + (settings.connectTimeout().plus(settings.keyExchangeTimeout()).toSeconds()) + " s: " + causes, e);
        }
        boolean tcp = hasCause(e, ConnectException.class) || hasCause(e, UnknownHostException.class)
                || hasCause(e, NoRouteToHostException.class) || !verifier.called && causes.contains("timed out");
        if (tcp || !verifier.called && !causes.contains("proposals do not match")
                && !causes.contains("Key exchange")) {
            return new ShellException(target, Phase.CONNECT, causes, e);
        }
        String hint = causes.contains("proposals do not match")
                ? ". The server offers no algorithm this Trilead build supports (" + algorithmsNote() + "): allow them"
                + " in sshd_config (KexAlgorithms +diffie-hellman-group14-sha1, HostKeyAlgorithms +ssh-rsa,"
                + " PubkeyAcceptedAlgorithms +ssh-rsa) or use the OpenSSH transport" : "";
        return new ShellException(target, Phase.KEY_EXCHANGE, causes + hint, e);
    }

    private static String algorithmsNote() {
        return "host keys " + String.join(", ", TrileadSupport.availableHostKeyAlgorithms());
    }

    private void authenticate(Connection c, Watch watch) throws ShellException, InterruptedException {
        char[] key = null;
        char[] pass = credentials.passphrase();
        try {
            key = credentials.hasPrivateKeyText() ? credentials.privateKey() : readKeyFile();
            PrivateKeyFormat format = PrivateKeyFormat.of(key);
            boolean modern = TrileadSupport.isModernFork();
            if (!format.readableBy(modern)) {
                throw new ShellException(target, Phase.AUTHENTICATION, "the private key for " + credentials.user()
                        + keySource() + " is in " + format.label() + " format, which this SSH library cannot read. It"
                        + " reads " + (modern ? "PEM RSA/DSA/EC and OpenSSH keys" : "PEM RSA and DSA keys"
                        + " (-----BEGIN RSA PRIVATE KEY-----)") + ". Convert a copy of the key: ssh-keygen -p -m PEM"
                        + " -f KEYFILE (keeps or changes the passphrase, rewrites the file in place)");
            }
            boolean encrypted = new String(key, 0, Math.min(key.length, 400)).contains("ENCRYPTED");
            if (encrypted && pass == null) {
                throw new ShellException(target, Phase.AUTHENTICATION, "the private key for " + credentials.user()
                        + keySource() + " is encrypted but no passphrase was given");
            }
            watch.rearm(settings.operationTimeout().toMillis(), "authentication with " + target + " timed out");
            boolean ok;
            try {
                ok = c.authenticateWithPublicKey(credentials.user(), key, pass == null ? null : new String(pass));
            } catch (IOException e) {
                throw authenticationFailure(e, encrypted, watch);
            }
            if (!ok) {
                throw new ShellException(target, Phase.AUTHENTICATION, "the server refused the key for user "
                        + credentials.user() + keySource() + ". Check that its public key is in ~" + credentials.user()
                        + "/.ssh/authorized_keys on the node" + (modernNote()));
            }
        } finally {
            if (key != null) {
                Arrays.fill(key, '\0');
            }
            if (pass != null) {
                Arrays.fill(pass, '\0');
            }
        }
    }

    private String modernNote() {
        return TrileadSupport.isModernFork() ? ""
                : " and that sshd accepts ssh-rsa signatures (PubkeyAcceptedAlgorithms +ssh-rsa), the only kind this"
                + " Trilead build makes";
    }

    private ShellException authenticationFailure(IOException e, boolean encrypted, Watch watch) {
        if (closed) {
            return new ShellException(target, Phase.CANCELLED, "the shell was closed while authenticating");
        }
        if (watch.fired()) {
            return new ShellException(target, Phase.AUTHENTICATION, "no answer within "
                    + settings.operationTimeout().toSeconds() + " s", e);
        }
        String causes = causeChain(e);
        if (causes.contains("no password was specified")) {
            return new ShellException(target, Phase.AUTHENTICATION, "the private key for " + credentials.user()
                    + keySource() + " is encrypted but no passphrase was given");
        }
        if (encrypted && (causes.contains("PEM") || causes.contains("decrypt") || causes.contains("padding")
                || causes.contains("Invalid") || causes.contains("DER") || causes.contains("ASN"))) {
            return new ShellException(target, Phase.AUTHENTICATION, "cannot decrypt the private key for "
                    + credentials.user() + keySource() + ": wrong passphrase?");
        }
        if (causes.contains("Invalid PEM structure")) {
            return new ShellException(target, Phase.AUTHENTICATION, "cannot read the private key for "
                    + credentials.user() + keySource() + " (" + causes + "). Use a PEM RSA key (-----BEGIN RSA"
                    + " PRIVATE KEY-----); convert a copy with: ssh-keygen -p -m PEM -f KEYFILE");
        }
        return new ShellException(target, Phase.AUTHENTICATION, causes, e);
    }

    private String keySource() {
        return credentials.identityFile() != null ? " (" + credentials.identityFile() + ")" : "";
    }

    private char[] readKeyFile() throws ShellException {
        try {
            byte[] bytes = java.nio.file.Files.readAllBytes(credentials.identityFile());
            char[] text = new char[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                text[i] = (char) (bytes[i] & 0xff);
            }
            Arrays.fill(bytes, (byte) 0);
            return text;
        } catch (IOException e) {
            throw new ShellException(target, Phase.AUTHENTICATION, "cannot read key file "
                    + credentials.identityFile() + ": " + e.getMessage());
        }
    }

    @Override
    public CommandResult run(Command command) throws ShellException, InterruptedException {
        String line = ShellQuoting.commandLine(command);
        Duration timeout = settings.timeoutFor(command);
        long start = System.nanoTime();
        checkOpen("`" + line + "` could run");
        Connection c = connection();
        Session session;
        try {
            session = openSession(c, line);
        } catch (ShellException e) {
            if (e.phase() != Phase.COMMAND || closed) {
                throw e;
            }
            // The connection broke since the last command (a reboot, a restarted sshd): reconnect once.
            forget(c);
            c = connection();
            session = openSession(c, line);
        }
        RunningCommand cmd = new RunningCommand(c, session);
        running.add(cmd);
        try {
            Watch watch = Watch.arm(c, settings.operationTimeout().toMillis(), "starting a command timed out");
            try {
                session.execCommand(TrileadSupport.commandForWire(RemoteCommandWrapper.wrap(command, timeout)));
            } catch (IOException e) {
                if (isInterrupt(e)) {
                    // The exec request may have reached the node: learn the PID (nothing pumps stderr yet) and
                    // end what it started.
                    ExecThreads.io().execute(cmd.stderr::readMarkerUnlessStarted);
                    cmd.abort(this);
                    throw interruption(e);
                }
                throw sessionFailure(e, watch, line, "cannot start");
            } finally {
                watch.disarm();
            }
            CommandStreams streams = CommandStreams.start(command, settings, session.getStdout(), cmd.stderr,
                    session.getStdin());
            // The remote timeout(1) fires first; this later deadline catches a silent network or a node
            // without timeout(1).
            long deadline = start + timeout.plus(settings.killGrace()).toNanos();
            boolean drained;
            try {
                drained = streams.awaitDrained(deadline - System.nanoTime());
            } catch (InterruptedException e) {
                cmd.abort(this);
                throw e;
            }
            if (!drained) {
                cmd.timedOut = true;
                cmd.abort(this);
            }
            if (cmd.aborted.get()) {
                streams.awaitDrained(settings.killGrace().toNanos());
                if (!cmd.timedOut) {
                    throw new ShellException(target, Phase.CANCELLED, "`" + line + "` was aborted; the remote"
                            + " processes were killed");
                }
                throw RemoteCommandWrapper.timedOut(target, line, timeout, cmd.remoteKilled
                        ? "the remote processes were killed" : "the node did not answer, the connection was closed");
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            Integer exit = exitStatus(session);
            if (exit == null) {
                IOException failure = streams.failure();
                throw new ShellException(target, Phase.COMMAND, "no exit status for `" + line + "`"
                        + (failure != null ? ": the connection failed: " + causeChain(failure)
                        : ": the server closed the channel without reporting one; treat the command as failed"));
            }
            if (RemoteCommandWrapper.killedByTimeout(exit, millis, timeout)) {
                throw RemoteCommandWrapper.timedOut(target, line, timeout,
                        "timeout(1) killed its processes on the node");
            }
            if (streams.failure() != null) {
                throw new ShellException(target, Phase.COMMAND, "reading the output of `" + line + "` failed: "
                        + causeChain(streams.failure()), streams.failure());
            }
            return streams.result(target, line, exit, millis);
        } finally {
            running.remove(cmd);
            ExecThreads.io().execute(session::close);
        }
    }

    private Session openSession(Connection c, String line) throws ShellException, InterruptedException {
        Watch watch = Watch.arm(c, settings.operationTimeout().toMillis(), "opening a session timed out");
        try {
            return c.openSession();
        } catch (IOException | IllegalStateException e) {
            if (isInterrupt(e)) {
                throw interruption(e);
            }
            throw sessionFailure(e, watch, line, "cannot open a session for");
        } finally {
            watch.disarm();
        }
    }

    /**
     * Whether Trilead failed because the thread was interrupted while it waited for the server (opening a channel,
     * starting a command): it throws an InterruptedIOException and clears the flag. That is an abort, never a
     * broken connection to reconnect and run the command again on.
     */
    static boolean isInterrupt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if ((t instanceof java.io.InterruptedIOException && !(t instanceof java.net.SocketTimeoutException))
                    || t instanceof java.nio.channels.ClosedByInterruptException || t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    private static InterruptedException interruption(Throwable cause) {
        InterruptedException abort = new InterruptedException("interrupted while waiting for the node");
        abort.initCause(cause);
        return abort;
    }

    private ShellException sessionFailure(Exception e, Watch watch, String line, String what) {
        if (closed) {
            return new ShellException(target, Phase.CANCELLED, "the shell was closed before `" + line + "` ran");
        }
        if (watch.fired()) {
            return new ShellException(target, Phase.TIMEOUT, what + " `" + line + "`: the node did not answer within "
                    + settings.operationTimeout().toSeconds() + " s (network or server down); connection closed");
        }
        return new ShellException(target, Phase.COMMAND, what + " `" + line + "`: " + causeChain(e), e);
    }

    private Integer exitStatus(Session session) throws InterruptedException {
        TrileadSupport.waitForCondition(session, ChannelCondition.EXIT_STATUS | ChannelCondition.EXIT_SIGNAL
                | ChannelCondition.CLOSED, settings.operationTimeout().toMillis());
        Integer status = session.getExitStatus();
        if (status == null && session.getExitSignal() != null) {
            Integer number = SIGNALS.get(session.getExitSignal());
            return number == null ? null : 128 + number;
        }
        return status;
    }

    private static final Map<String, Integer> SIGNALS = Map.of("HUP", 1, "INT", 2, "QUIT", 3, "ABRT", 6,
            "KILL", 9, "SEGV", 11, "PIPE", 13, "ALRM", 14, "TERM", 15);

    private void checkOpen(String what) throws ShellException {
        if (closed) {
            throw new ShellException(target, Phase.CANCELLED, "the shell was closed before " + what);
        }
    }

    /** Drops a broken or hung connection so that the next command connects afresh. */
    private void forget(Connection c) {
        if (connection == c) {
            connection = null;
        }
        hardClose(c, "connection to " + target + " dropped");
    }

    static void hardClose(Connection c, String why) {
        if (!TrileadSupport.closeTransport(c, why)) {
            ExecThreads.io().execute(c::close);
        }
    }

    private static void closeQuietly(Connection c) {
        hardClose(c, "connection attempt abandoned");
    }

    /**
     * Aborts every running command (each fails as cancelled, its remote processes killed), then closes
     * the connection. Returns within a few seconds even when the node no longer answers.
     */
    @Override
    public void close() {
        closed = true;
        List<RunningCommand> toAbort = List.copyOf(running);
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(toAbort.size());
        for (RunningCommand cmd : toAbort) {
            ExecThreads.io().execute(() -> {
                try {
                    cmd.abort(this);
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            done.await(settings.killGrace().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Connection c = connection;
        connection = null;
        if (c != null) {
            hardClose(c, "shell closed");
        }
    }

    @Override
    public String toString() {
        return "TrileadShell[" + target + ", " + hostKeys.description() + "]";
    }

    static String causeChain(Throwable e) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = e; t != null && messages.size() < 6; t = t.getCause()) {
            String m = t.getMessage();
            messages.add(m == null || m.isBlank() ? t.getClass().getSimpleName() : m.strip());
        }
        return String.join(" <- ", messages);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Passes the key the server offered to the strategy and keeps the strategy's reason for a refusal. */
    private final class Verifier implements ServerHostKeyVerifier {
        volatile HostKeyRejectedException rejection;
        volatile boolean called;

        @Override
        public boolean verifyServerHostKey(String hostname, int port, String algorithm, byte[] key) {
            called = true;
            lastOfferedHostKeyAlgorithm = algorithm;
            try {
                hostKeys.verify(address.host(), address.port(), HostKey.fromBlob(key));
                return true;
            } catch (HostKeyRejectedException e) {
                rejection = e;
            } catch (RuntimeException e) {
                rejection = new HostKeyRejectedException("the " + algorithm + " host key could not be checked: " + e);
            }
            return false;
        }
    }

    /** One command in flight: what an abort needs to end it. */
    private static final class RunningCommand {
        final Connection connection;
        final Session session;
        final PidMarkerStream stderr;
        final AtomicBoolean aborted = new AtomicBoolean();
        volatile boolean timedOut;
        volatile boolean remoteKilled;

        RunningCommand(Connection connection, Session session) {
            this.connection = connection;
            this.session = session;
            this.stderr = new PidMarkerStream(session.getStderr());
        }

        /**
         * Kills the remote process group through a second session, then closes the channel; if the node
         * does not confirm within the grace period, the whole connection goes.
         */
        void abort(TrileadShell shell) {
            if (!aborted.compareAndSet(false, true)) {
                return;
            }
            long grace = shell.settings.killGrace().toMillis();
            try {
                long pid = stderr.awaitPid(Math.min(grace, 1000));
                if (pid > 0) {
                    remoteKilled = killRemote(shell, pid, grace);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ExecThreads.io().execute(session::close);
            if (!remoteKilled) {
                shell.forget(connection);
            }
        }

        private boolean killRemote(TrileadShell shell, long pid, long graceMillis) throws InterruptedException {
            Watch watch = Watch.arm(connection, graceMillis, "killing a command timed out");
            Session kill = null;
            try {
                kill = connection.openSession();
                kill.execCommand(ShellQuoting.commandLine(RemoteCommandWrapper.killCommand(pid)));
                kill.getStdin().close();
                int c = TrileadSupport.waitForCondition(kill, ChannelCondition.EXIT_STATUS | ChannelCondition.CLOSED,
                        graceMillis);
                return (c & ChannelCondition.TIMEOUT) == 0 && !watch.fired();
            } catch (IOException | RuntimeException e) {
                return false;
            } finally {
                watch.disarm();
                if (kill != null) {
                    kill.close();
                }
            }
        }
    }

    /** Tears the connection's transport down if a blocking call is still running at its deadline. */
    private static final class Watch {
        private final Connection connection;
        private volatile ScheduledFuture<?> task;
        private volatile boolean fired;

        private Watch(Connection connection) {
            this.connection = connection;
        }

        static Watch arm(Connection connection, long millis, String why) {
            Watch w = new Watch(connection);
            w.rearm(millis, why);
            return w;
        }

        void rearm(long millis, String why) {
            disarm();
            task = ExecThreads.watchdog().schedule(() -> {
                fired = true;
                hardClose(connection, why);
            }, millis, TimeUnit.MILLISECONDS);
        }

        boolean fired() {
            return fired;
        }

        void disarm() {
            ScheduledFuture<?> t = task;
            if (t != null) {
                t.cancel(false);
            }
        }
    }
}
