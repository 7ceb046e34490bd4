package io.jenkins.plugins.xcatha.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads that move a command's bytes and watch its deadlines; shared by every shell. */
public final class ExecThreads {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService IO = Executors.newCachedThreadPool(r -> daemon(r, "xcat-ha-io-"));
    private static final ScheduledExecutorService WATCHDOG =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "xcat-ha-watchdog-"));

    private ExecThreads() {
    }

    private static Thread daemon(Runnable r, String prefix) {
        Thread t = new Thread(r, prefix + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    public static ExecutorService io() {
        return IO;
    }

    /** Runs short actions at a deadline; anything that may block is handed on to {@link #io()}. */
    public static ScheduledExecutorService watchdog() {
        return WATCHDOG;
    }
}
