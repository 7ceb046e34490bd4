package io.jenkins.plugins.xcatha.jenkins;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a procedure on a thread of its own so that an abort cannot lose its report.
 *
 * <p>When a Jenkins build is stopped, the thread waiting for the agent is interrupted; the agent's thread is
 * interrupted too, but the controller stops listening at once, so a report written after that would be
 * lost. Here the waiting thread passes the interrupt on to the worker (whose shells then close), keeps
 * waiting a short grace for the worker to write its report, and leaves the finished result registered under
 * the run's id so that the controller can {@link #collect} it with a second call.
 */
public final class DetachedRun {
    private static final ConcurrentMap<String, Running> RUNS = new ConcurrentHashMap<>();
    /** How long a result nobody collected is kept (a stopped build on the same JVM never collects). */
    static final Duration UNCOLLECTED_KEPT = Duration.ofMinutes(10);

    private record Running(Thread worker, CompletableFuture<Object> result, java.util.concurrent.atomic.AtomicLong finishedAt) {
    }

    private DetachedRun() {
    }

    /**
     * Runs {@code work} and returns its result. If the calling thread is interrupted, the worker is
     * interrupted, and the result is still returned when the worker finishes within {@code grace}; the
     * calling thread's interrupt flag is then set again. A result not taken by this thread stays available
     * to {@link #collect}.
     */
    public static <T> T run(String id, Callable<T> work, Duration grace) throws Exception {
        forgetStale();
        CompletableFuture<Object> result = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicLong finishedAt = new java.util.concurrent.atomic.AtomicLong();
        result.whenComplete((v, t) -> finishedAt.set(System.nanoTime()));
        Thread worker = new Thread(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "xcat-ha " + id);
        worker.setDaemon(true);
        if (RUNS.putIfAbsent(id, new Running(worker, result, finishedAt)) != null) {
            throw new IllegalStateException("a run with id " + id + " is already going");
        }
        worker.start();
        try {
            T value = unwrap(result.get());
            RUNS.remove(id);
            return value;
        } catch (InterruptedException interrupted) {
            worker.interrupt();
            try {
                // Left registered: a remote caller that stopped listening collects it.
                return awaitUninterruptibly(result, grace);
            } finally {
                Thread.currentThread().interrupt();
            }
        } catch (ExecutionException failed) {
            RUNS.remove(id);
            throw rethrow(failed);
        }
    }

    /**
     * Waits up to {@code limit} for the run {@code id}, whose caller was interrupted, and returns its
     * result; the worker is interrupted in case the interrupt did not reach it.
     *
     * @throws TimeoutException if it has not finished by then (it keeps running and closing)
     * @throws IllegalStateException if no such run is known (it finished and was taken already)
     */
    public static <T> T collect(String id, Duration limit) throws Exception {
        Running running = RUNS.get(id);
        if (running == null) {
            throw new IllegalStateException("no run with id " + id + " is waiting to be collected");
        }
        running.worker().interrupt();
        try {
            return awaitUninterruptibly(running.result(), limit);
        } finally {
            if (running.result().isDone()) {
                RUNS.remove(id, running);
            }
        }
    }

    /** Whether a run with this id is going or waiting to be collected. */
    public static boolean isKnown(String id) {
        return RUNS.containsKey(id);
    }

    private static <T> T awaitUninterruptibly(CompletableFuture<Object> result, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                try {
                    return unwrap(result.get(Math.max(0, left), TimeUnit.NANOSECONDS));
                } catch (InterruptedException again) {
                    interrupted = true;
                } catch (ExecutionException failed) {
                    throw rethrow(failed);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void forgetStale() {
        long now = System.nanoTime();
        RUNS.values().removeIf(r -> r.finishedAt().get() != 0 && now - r.finishedAt().get() > UNCOLLECTED_KEPT.toNanos());
    }

    @SuppressWarnings("unchecked")
    private static <T> T unwrap(Object value) {
        return (T) value;
    }

    private static Exception rethrow(ExecutionException failed) {
        Throwable cause = failed.getCause();
        if (cause instanceof Exception e) {
            return e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return failed;
    }
}
