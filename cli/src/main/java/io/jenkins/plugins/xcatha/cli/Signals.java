package io.jenkins.plugins.xcatha.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) and SIGTERM end the JVM through its shutdown hooks. While a body runs, the hook interrupts
 * the thread running it, as a Jenkins abort does, and holds the JVM until the body has cleaned up (remote
 * commands ended, connections closed, simulated nodes torn down, the report written).
 */
final class Signals {
    private static final long CLEANUP_SECONDS = 60;

    private Signals() {
    }

    static <T> T interruptOnSignal(Callable<T> body) throws Exception {
        Thread worker = Thread.currentThread();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            worker.interrupt();
            try {
                done.await(CLEANUP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "xcat-ha-signal");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return body.call();
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it has what it waited for
            }
        }
    }
}
