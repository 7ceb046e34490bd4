package io.jenkins.plugins.xcatha.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The three standard streams of one running command, whatever runs it: stdin is written and closed,
 * stdout and stderr are drained into their {@link OutputCollector}s on I/O threads, so the caller only
 * waits, and can stop waiting at a deadline or on an interrupt.
 */
public final class CommandStreams {
    private final OutputCollector stdout;
    private final OutputCollector stderr;
    private final CountDownLatch drained = new CountDownLatch(2);
    private volatile IOException failure;

    private CommandStreams(OutputCollector stdout, OutputCollector stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static CommandStreams start(Command command, ShellSettings settings, InputStream out, InputStream err,
                                       OutputStream in) {
        CommandStreams streams = new CommandStreams(OutputCollector.stdoutOf(command, settings),
                OutputCollector.stderrOf(command, settings));
        streams.pump(out, streams.stdout);
        streams.pump(err, streams.stderr);
        byte[] input = command.stdin();
        ExecThreads.io().execute(() -> feed(in, input));
        return streams;
    }

    private static void feed(OutputStream in, byte[] input) {
        try (OutputStream stdin = in) {
            if (input != null) {
                stdin.write(input);
                stdin.flush();
            }
        } catch (IOException e) {
            // The command exited or closed stdin without reading it all: its exit status tells the story.
        }
    }

    private void pump(InputStream source, OutputCollector target) {
        ExecThreads.io().execute(() -> {
            byte[] buffer = new byte[32 * 1024];
            try (InputStream in = source) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    target.write(buffer, 0, n);
                }
                target.finish();
            } catch (IOException | RuntimeException e) {
                failure = e instanceof IOException io ? io : new IOException(e);
                try {
                    target.finish();
                } catch (IOException ignored) {
                    // the first failure is the one reported
                }
            } finally {
                drained.countDown();
            }
        });
    }

    /** Waits until both output streams reached their end; false when {@code nanos} passed first. */
    public boolean awaitDrained(long nanos) throws InterruptedException {
        return drained.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    /** Why reading the output failed (a broken connection, a full sink), or null. */
    public IOException failure() {
        return failure;
    }

    public OutputCollector stdout() {
        return stdout;
    }

    public OutputCollector stderr() {
        return stderr;
    }

    public CommandResult result(String target, String commandLine, int exitCode, long durationMillis) {
        return new CommandResult(target, commandLine, exitCode, stdout.text(), stderr.text(), stdout.droppedBytes(),
                stderr.droppedBytes(), durationMillis);
    }
}
