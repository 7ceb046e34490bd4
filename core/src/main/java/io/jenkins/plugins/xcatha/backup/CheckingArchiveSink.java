package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.exec.ExecThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Where a collected archive's bytes go as they arrive: into the local file, and at the same time through a
 * {@link BoundedPipe} to a thread that runs {@link ArchiveCheck} on them. The archive is read once, while it
 * is received, instead of a second time from the disk; both sides see exactly the same bytes, and memory
 * stays constant (the pipe's ring, the check's buffers).
 */
final class CheckingArchiveSink extends OutputStream {
    private static final int PIPE_BYTES = 512 * 1024;

    private final OutputStream file;
    private final BoundedPipe pipe = new BoundedPipe(PIPE_BYTES);
    private final OutputStream toCheck = pipe.sink();
    private final Future<ArchiveCheck.Result> check;
    private boolean closed;

    CheckingArchiveSink(OutputStream file, String backupName, Sha256Manifest manifest) {
        this.file = file;
        InputStream received = pipe.source();
        this.check = ExecThreads.io().submit(() -> {
            // Closing the reading end, however the check ends, lets the stream go on into the file.
            try (received) {
                return ArchiveCheck.verify(received, backupName, manifest);
            }
        });
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        file.write(b, off, len);
        toCheck.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        file.flush();
    }

    /**
     * Ends the stream (the file is closed, so it holds every byte received) and waits for the check to read
     * to its end. An archive that cannot be read at all is a problem of the archive, not an I/O failure here.
     */
    ArchiveCheck.Result finish() throws IOException, InterruptedException {
        closeFile();
        pipe.closeWriter();
        try {
            return check.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new ArchiveCheck.Result(0, 0, List.of("it is not a readable tar.gz ("
                    + (cause.getMessage() == null ? cause.toString() : cause.getMessage()) + ")"));
        }
    }

    /**
     * Closes the file and stops the check if it still runs (the stream failed or was aborted): with its
     * reading end closed, the check fails at its next read and its thread returns to the pool.
     */
    @Override
    public void close() throws IOException {
        pipe.closeReader();
        closeFile();
    }

    private void closeFile() throws IOException {
        if (!closed) {
            closed = true;
            file.close();
        }
    }
}
