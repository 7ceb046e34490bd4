package io.jenkins.plugins.xcatha.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a process still runs; a killed child that init has not reaped yet (a zombie) does not. */
public final class Processes {
    private Processes() {
    }

    public static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits up to {@code millis} for the process to end (a kill is asynchronous); true if it ended. */
    public static boolean ends(long pid, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (running(pid)) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
