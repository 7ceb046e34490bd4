package io.jenkins.plugins.xcatha.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * Hands bytes from the thread that receives a stream to the thread that checks it, through one fixed ring
 * buffer: the writer waits while the ring is full, so memory stays constant whatever the stream's size.
 * Unlike {@link java.io.PipedInputStream} it does not care which threads write (a shell's pool may use
 * several), and once the reader has given up, writes are dropped instead of blocking the stream forever.
 */
final class BoundedPipe {
    private final byte[] ring;
    private int start;
    private int count;
    private boolean writerClosed;
    private boolean readerClosed;

    BoundedPipe(int capacity) {
        this.ring = new byte[capacity];
    }

    /** The writing end; closing it tells the reader that the stream is complete. */
    OutputStream sink() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                put(b, off, len);
            }

            @Override
            public void close() {
                closeWriter();
            }
        };
    }

    /** The reading end; closing it before the end makes the writer drop what follows. */
    InputStream source() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return take(b, off, len);
            }

            @Override
            public void close() {
                closeReader();
            }
        };
    }

    private synchronized void put(byte[] b, int off, int len) throws IOException {
        if (writerClosed) {
            throw new IOException("the pipe is closed for writing");
        }
        while (len > 0) {
            while (count == ring.length && !readerClosed) {
                await();
            }
            if (readerClosed) {
                return;
            }
            int end = (start + count) % ring.length;
            int n = Math.min(len, Math.min(ring.length - count, ring.length - end));
            System.arraycopy(b, off, ring, end, n);
            count += n;
            off += n;
            len -= n;
            notifyAll();
        }
    }

    private synchronized int take(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (count == 0 && !writerClosed && !readerClosed) {
            await();
        }
        if (readerClosed) {
            throw new IOException("the pipe is closed for reading");
        }
        if (count == 0) {
            return -1;
        }
        int n = Math.min(len, Math.min(count, ring.length - start));
        System.arraycopy(ring, start, b, off, n);
        start = (start + n) % ring.length;
        count -= n;
        notifyAll();
        return n;
    }

    synchronized void closeWriter() {
        writerClosed = true;
        notifyAll();
    }

    synchronized void closeReader() {
        readerClosed = true;
        notifyAll();
    }

    private void await() throws InterruptedIOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while passing the archive to its check");
        }
    }
}
