package io.jenkins.plugins.xcatha.exec;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * stderr of a command sent through {@link RemoteCommandWrapper}: takes the process id line off the
 * front and passes everything else through unchanged.
 */
public final class PidMarkerStream extends FilterInputStream {
    private static final int MAX_MARKER_LINE = 64;
    private final CountDownLatch known = new CountDownLatch(1);
    private volatile long pid = -1;
    private byte[] pending;
    private int pendingPos;
    private boolean started;

    public PidMarkerStream(InputStream stderr) {
        super(stderr);
    }

    private void readMarker() throws IOException {
        started = true;
        byte[] head = new byte[MAX_MARKER_LINE];
        int n = 0;
        try {
            while (n < head.length) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head[n++] = (byte) b;
                if (b == '\n') {
                    break;
                }
            }
        } finally {
            String text = new String(head, 0, n, StandardCharsets.US_ASCII);
            if (text.startsWith(RemoteCommandWrapper.PID_MARKER) && text.endsWith("\n")) {
                try {
                    pid = Long.parseLong(text.substring(RemoteCommandWrapper.PID_MARKER.length()).strip());
                } catch (NumberFormatException e) {
                    pending = Arrays.copyOf(head, n);
                }
            } else {
                pending = Arrays.copyOf(head, n);
            }
            known.countDown();
        }
    }

    /**
     * Reads the process id line when nothing reads this stream (a command aborted before its output was pumped),
     * so that {@link #awaitPid} can learn whom to kill. Never call it once a reader has started.
     */
    public void readMarkerUnlessStarted() {
        if (started) {
            return;
        }
        try {
            readMarker();
        } catch (IOException e) {
            known.countDown();
        }
    }

    /** The remote process id, or -1 when it did not arrive within {@code millis}. */
    public long awaitPid(long millis) throws InterruptedException {
        known.await(millis, TimeUnit.MILLISECONDS);
        return pid;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (!started) {
            readMarker();
        }
        if (pending != null && pendingPos < pending.length) {
            int n = Math.min(len, pending.length - pendingPos);
            System.arraycopy(pending, pendingPos, b, off, n);
            pendingPos += n;
            return n;
        }
        return in.read(b, off, len);
    }

    @Override
    public void close() throws IOException {
        known.countDown();
        super.close();
    }
}
