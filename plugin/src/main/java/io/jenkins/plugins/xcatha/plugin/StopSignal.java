package io.jenkins.plugins.xcatha.plugin;

/**
 * Lets a Pipeline step finish its abort before it reports failure: {@code stop} interrupts the thread
 * running the procedure (its shells close, its report is written and archived) instead of failing the step
 * at once, and the step then fails with the cause Pipeline gave.
 */
final class StopSignal {
    private volatile Thread runner;
    private volatile Throwable cause;

    void running(Thread thread) {
        runner = thread;
    }

    void done() {
        runner = null;
    }

    /** @return false when nothing runs yet, so the caller fails the step the usual way */
    boolean stop(Throwable why) {
        Thread t = runner;
        if (t == null) {
            return false;
        }
        cause = why;
        t.interrupt();
        return true;
    }

    /** The exception to end a stopped step with. */
    Exception stoppedBy(InterruptedException interrupted) {
        Throwable c = cause;
        if (c instanceof Exception e) {
            return e;
        }
        return interrupted;
    }
}
