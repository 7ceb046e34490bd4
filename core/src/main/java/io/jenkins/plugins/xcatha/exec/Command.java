package io.jenkins.plugins.xcatha.exec;

import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One command to run on a node, given as argv. Every shell that runs it quotes each argument in
 * {@link ShellQuoting}, so a value never changes meaning on its way to the remote shell.
 * Immutable: the {@code with...} methods return copies.
 */
public final class Command {
    private final List<String> argv;
    private final byte[] stdin;
    private final Map<String, String> environment;
    private final String workingDirectory;
    private final Duration timeout;
    private final OutputStream stdoutSink;
    private final OutputLineListener lineListener;

    private Command(List<String> argv, byte[] stdin, Map<String, String> environment, String workingDirectory,
                    Duration timeout, OutputStream stdoutSink, OutputLineListener lineListener) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program name");
        }
        for (String arg : argv) {
            Objects.requireNonNull(arg, "command argument");
        }
        this.argv = List.copyOf(argv);
        this.stdin = stdin;
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        this.workingDirectory = workingDirectory;
        this.timeout = timeout;
        this.stdoutSink = stdoutSink;
        this.lineListener = lineListener;
    }

    public static Command of(String program, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(program);
        Collections.addAll(argv, args);
        return new Command(argv, null, Map.of(), null, null, null, null);
    }

    public static Command of(List<String> argv) {
        return new Command(new ArrayList<>(argv), null, Map.of(), null, null, null, null);
    }

    /** Runs {@code script} with {@code sh -c}; the script is a constant of ours, never user input. */
    public static Command shell(String script, String... positionalArgs) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", script, "sh"));
        Collections.addAll(argv, positionalArgs);
        return of(argv);
    }

    public Command withStdin(byte[] input) {
        return new Command(argv, input == null ? null : input.clone(), environment, workingDirectory, timeout,
                stdoutSink, lineListener);
    }

    public Command withEnvironment(String name, String value) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("environment variable name '" + name + "' is not a valid name");
        }
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put(name, Objects.requireNonNull(value, name));
        return new Command(argv, stdin, env, workingDirectory, timeout, stdoutSink, lineListener);
    }

    public Command inDirectory(String directory) {
        return new Command(argv, stdin, environment, directory, timeout, stdoutSink, lineListener);
    }

    public Command withTimeout(Duration limit) {
        return new Command(argv, stdin, environment, workingDirectory, limit, stdoutSink, lineListener);
    }

    /** Streams stdout into {@code sink} instead of capturing it (large or binary output, file copies). */
    public Command streamingStdoutTo(OutputStream sink) {
        return new Command(argv, stdin, environment, workingDirectory, timeout, sink, lineListener);
    }

    /** Receives each complete line of stdout and stderr as it arrives (progress in a build log). */
    public Command withLineListener(OutputLineListener listener) {
        return new Command(argv, stdin, environment, workingDirectory, timeout, stdoutSink, listener);
    }

    public List<String> argv() {
        return argv;
    }

    public byte[] stdin() {
        return stdin == null ? null : stdin.clone();
    }

    public boolean hasStdin() {
        return stdin != null;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public String workingDirectory() {
        return workingDirectory;
    }

    /** The per-command limit, or null for the shell's default. */
    public Duration timeout() {
        return timeout;
    }

    public OutputStream stdoutSink() {
        return stdoutSink;
    }

    public OutputLineListener lineListener() {
        return lineListener;
    }

    /** The command line as the remote shell receives it. */
    public String toShellLine() {
        return ShellQuoting.commandLine(this);
    }

    @Override
    public String toString() {
        return toShellLine();
    }
}
