package io.jenkins.plugins.xcatha.jenkins;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;

public class DetachedRunTest {

    @Test
    public void returnsWhatTheWorkReturns() throws Exception {
        assertThat(DetachedRun.run("plain", () -> "report", Duration.ofSeconds(5)), equalTo("report"));
        assertThat(DetachedRun.isKnown("plain"), is(false));
    }

    @Test
    public void workFailureReachesTheCaller() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DetachedRun.run("broken", () -> {
                    throw new IllegalStateException("no shell");
                }, Duration.ofSeconds(5)));
        assertThat(e.getMessage(), equalTo("no shell"));
        assertThat(DetachedRun.isKnown("broken"), is(false));
    }

    @Test
    public void interruptedCallerStillGetsTheReportTheWorkerWritesWhenItStops() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        AtomicReference<Object> returned = new AtomicReference<>();
        AtomicReference<Boolean> callerFlag = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                returned.set(DetachedRun.run("aborted-local", () -> {
                    working.countDown();
                    try {
                        new CountDownLatch(1).await();
                        return "finished";
                    } catch (InterruptedException stop) {
                        return "aborted report";
                    }
                }, Duration.ofSeconds(30)));
                callerFlag.set(Thread.currentThread().isInterrupted());
            } catch (Exception e) {
                returned.set(e);
            }
        });
        caller.start();
        assertThat(working.await(30, TimeUnit.SECONDS), is(true));
        caller.interrupt();
        caller.join(30_000);
        assertThat(returned.get(), equalTo("aborted report"));
        assertThat("the abort stays visible to the caller", callerFlag.get(), is(true));
    }

    @Test
    public void aCallerThatStoppedListeningCanCollectTheResultLater() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            try {
                DetachedRun.run("aborted-remote", () -> {
                    working.countDown();
                    try {
                        new CountDownLatch(1).await();
                        return "finished";
                    } catch (InterruptedException stop) {
                        // closing connections and writing the report: further interrupts do not cut it short
                        while (true) {
                            try {
                                mayFinish.await();
                                return "aborted report";
                            } catch (InterruptedException again) {
                                // keep closing
                            }
                        }
                    }
                }, Duration.ofMillis(1));
            } catch (Exception e) {
                // the grace ran out: the result waits for collect()
            }
        });
        caller.start();
        assertThat(working.await(30, TimeUnit.SECONDS), is(true));
        caller.interrupt();
        caller.join(30_000);
        assertThat(DetachedRun.isKnown("aborted-remote"), is(true));
        mayFinish.countDown();
        assertThat(DetachedRun.collect("aborted-remote", Duration.ofSeconds(30)), equalTo("aborted report"));
        assertThat(DetachedRun.isKnown("aborted-remote"), is(false));
    }

    @Test
    public void collectingAnUnknownRunSaysSo() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DetachedRun.collect("never-started", Duration.ofSeconds(1)));
        assertThat(e.getMessage(), equalTo("no run with id never-started is waiting to be collected"));
    }
}
