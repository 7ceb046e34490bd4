package io.jenkins.plugins.xcatha.exec;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and timeouts shared by every shell. Immutable: the {@code with...} methods return copies.
 * The defaults suit a management node that answers within seconds; booting hosts need more
 * {@link #withConnectAttempts(int) connect attempts}.
 */
public final class ShellSettings {
    private static final ShellSettings DEFAULTS = new ShellSettings(1 << 20, 256 << 10, Duration.ofMinutes(10),
            Duration.ofSeconds(15), Duration.ofSeconds(20), Duration.ofSeconds(15), 1, Duration.ofSeconds(2),
            Duration.ofSeconds(3), Duration.ofSeconds(15));

    private final int stdoutCapBytes;
    private final int stderrCapBytes;
    private final Duration commandTimeout;
    private final Duration connectTimeout;
    private final Duration keyExchangeTimeout;
    private final Duration operationTimeout;
    private final int connectAttempts;
    private final Duration retryDelay;
    private final Duration killGrace;
    private final Duration keepAliveInterval;

    private ShellSettings(int stdoutCapBytes, int stderrCapBytes, Duration commandTimeout, Duration connectTimeout,
                          Duration keyExchangeTimeout, Duration operationTimeout, int connectAttempts,
                          Duration retryDelay, Duration killGrace, Duration keepAliveInterval) {
        this.stdoutCapBytes = stdoutCapBytes;
        this.stderrCapBytes = stderrCapBytes;
        this.commandTimeout = commandTimeout;
        this.connectTimeout = connectTimeout;
        this.keyExchangeTimeout = keyExchangeTimeout;
        this.operationTimeout = operationTimeout;
        this.connectAttempts = connectAttempts;
        this.retryDelay = retryDelay;
        this.killGrace = killGrace;
        this.keepAliveInterval = keepAliveInterval;
    }

    public static ShellSettings defaults() {
        return DEFAULTS;
    }

    /** Bytes of stdout and of stderr kept in a {@link CommandResult}; the rest is counted as dropped. */
    public ShellSettings withOutputCaps(int stdoutBytes, int stderrBytes) {
        if (stdoutBytes < 0 || stderrBytes < 0) {
            throw new IllegalArgumentException("output caps must not be negative: " + stdoutBytes + ", " + stderrBytes);
        }
        return new ShellSettings(stdoutBytes, stderrBytes, commandTimeout, connectTimeout, keyExchangeTimeout,
                operationTimeout, connectAttempts, retryDelay, killGrace, keepAliveInterval);
    }

    /** Limit for commands that carry no timeout of their own. */
    public ShellSettings withCommandTimeout(Duration timeout) {
        return new ShellSettings(stdoutCapBytes, stderrCapBytes, positive("command timeout", timeout), connectTimeout,
                keyExchangeTimeout, operationTimeout, connectAttempts, retryDelay, killGrace, keepAliveInterval);
    }

    /**
     * TCP connect, key exchange, and every other protocol step (authentication, opening a session):
     * a silent server fails the step after this long instead of hanging the caller.
     */
    public ShellSettings withConnectionTimeouts(Duration connect, Duration keyExchange, Duration operation) {
        return new ShellSettings(stdoutCapBytes, stderrCapBytes, commandTimeout, positive("connect timeout", connect),
                positive("key exchange timeout", keyExchange), positive("operation timeout", operation),
                connectAttempts, retryDelay, killGrace, keepAliveInterval);
    }

    /** Connection attempts for hosts that are still booting; the delay doubles after each failure (max 30 s). */
    public ShellSettings withConnectAttempts(int attempts, Duration firstDelay) {
        if (attempts < 1 || attempts > 100) {
            throw new IllegalArgumentException("connect attempts must be between 1 and 100, not " + attempts);
        }
        return new ShellSettings(stdoutCapBytes, stderrCapBytes, commandTimeout, connectTimeout, keyExchangeTimeout,
                operationTimeout, attempts, Objects.requireNonNull(firstDelay, "retry delay"), killGrace,
                keepAliveInterval);
    }

    public ShellSettings withConnectAttempts(int attempts) {
        return withConnectAttempts(attempts, retryDelay);
    }

    /** How long a timed-out or cancelled command may take to die before its connection is torn down. */
    public ShellSettings withKillGrace(Duration grace) {
        return new ShellSettings(stdoutCapBytes, stderrCapBytes, commandTimeout, connectTimeout, keyExchangeTimeout,
                operationTimeout, connectAttempts, retryDelay, positive("kill grace", grace), keepAliveInterval);
    }

    /** Keep-alive probes on idle connections (OpenSSH ServerAliveInterval). */
    public ShellSettings withKeepAliveInterval(Duration interval) {
        return new ShellSettings(stdoutCapBytes, stderrCapBytes, commandTimeout, connectTimeout, keyExchangeTimeout,
                operationTimeout, connectAttempts, retryDelay, killGrace, positive("keep-alive interval", interval));
    }

    private static Duration positive(String what, Duration value) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, not " + value);
        }
        return value;
    }

    public int stdoutCapBytes() {
        return stdoutCapBytes;
    }

    public int stderrCapBytes() {
        return stderrCapBytes;
    }

    public Duration commandTimeout() {
        return commandTimeout;
    }

    /** The command's own timeout, else this shell's default. */
    public Duration timeoutFor(Command command) {
        return command.timeout() != null ? command.timeout() : commandTimeout;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration keyExchangeTimeout() {
        return keyExchangeTimeout;
    }

    public Duration operationTimeout() {
        return operationTimeout;
    }

    public int connectAttempts() {
        return connectAttempts;
    }

    public Duration retryDelay() {
        return retryDelay;
    }

    /** The pause before attempt {@code attempt + 1} (attempt counts from 1). */
    public Duration retryDelayAfter(int attempt) {
        long millis = retryDelay.toMillis() << Math.min(attempt - 1, 10);
        return Duration.ofMillis(Math.min(millis, 30_000));
    }

    public Duration killGrace() {
        return killGrace;
    }

    public Duration keepAliveInterval() {
        return keepAliveInterval;
    }
}
