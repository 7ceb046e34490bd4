package io.jenkins.plugins.xcatha.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Where one output stream of a command goes, the same for every shell: the first {@code cap} bytes are
 * kept for the {@link CommandResult} and the rest is counted, complete lines go to the command's
 * {@link OutputLineListener} as they arrive (the last line even without a trailing newline), and with a
 * sink everything is streamed there instead of being kept, in constant memory.
 */
public final class OutputCollector extends OutputStream {
    /** A line longer than this reaches the listener in pieces, so one endless line cannot fill the heap. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final OutputLineListener.Stream stream;
    private final int cap;
    private final OutputLineListener listener;
    private final OutputStream sink;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private long dropped;
    private long total;
    private boolean finished;

    public OutputCollector(OutputLineListener.Stream stream, int cap, OutputLineListener listener, OutputStream sink) {
        this.stream = stream;
        this.cap = cap;
        this.listener = listener;
        this.sink = sink;
    }

    /** The collector for stdout of {@code command}: its sink and listener, capped by {@code settings}. */
    public static OutputCollector stdoutOf(Command command, ShellSettings settings) {
        return new OutputCollector(OutputLineListener.Stream.STDOUT, settings.stdoutCapBytes(),
                command.stdoutSink() == null ? command.lineListener() : null, command.stdoutSink());
    }

    public static OutputCollector stderrOf(Command command, ShellSettings settings) {
        return new OutputCollector(OutputLineListener.Stream.STDERR, settings.stderrCapBytes(),
                command.lineListener(), null);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        total += len;
        if (sink != null) {
            sink.write(b, off, len);
            return;
        }
        int room = Math.max(0, cap - kept.size());
        int keep = Math.min(room, len);
        kept.write(b, off, keep);
        dropped += len - keep;
        if (listener != null) {
            splitLines(b, off, len);
        }
    }

    private void splitLines(byte[] b, int off, int len) {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                line.write(b, start, i - start);
                emitLine();
                start = i + 1;
            } else if (line.size() + (i - start) >= MAX_LINE_BYTES) {
                line.write(b, start, i - start);
                emitLine();
                start = i;
            }
        }
        line.write(b, start, off + len - start);
    }

    private void emitLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            listener.onLine(stream, text);
        } catch (RuntimeException e) {
            // A failing listener (a closed build log) must not break the command it watches.
        }
    }

    /** Delivers the last line if it had no newline and flushes the sink. Idempotent. */
    public synchronized void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        if (listener != null && line.size() > 0) {
            emitLine();
        }
        if (sink != null) {
            sink.flush();
        }
    }

    public synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    public synchronized long droppedBytes() {
        return dropped;
    }

    /** Every byte the command wrote to this stream, kept or not. */
    public synchronized long totalBytes() {
        return total;
    }
}
