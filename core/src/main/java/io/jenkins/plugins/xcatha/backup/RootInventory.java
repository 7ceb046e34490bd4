package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The backup root as {@link NodeScripts#INVENTORY} saw it: the node's clock, free space, and our entries. */
record RootInventory(Instant now, String rootState, long availableKb, List<StoredBackup> stored) {

    static RootInventory read(StepContext context, String root) throws ShellException, InterruptedException {
        CommandResult r = context.run(context.primary(),
                NodeScripts.script(NodeScripts.INVENTORY, root, BackupMetadata.SCHEMA_MARKER)
                        .withTimeout(Duration.ofMinutes(5)));
        if (!r.succeeded()) {
            throw new ShellException(context.primary().shell().target(), ShellException.Phase.COMMAND,
                    "listing " + root + " failed (exit " + r.exitCode() + "): " + BackupStep.firstLines(r.combinedOutput(), 3));
        }
        return parse(r.stdout());
    }

    static RootInventory parse(String output) {
        Instant now = null;
        String rootState = "absent";
        long avail = -1;
        List<StoredBackup> stored = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] f = line.strip().split(" ", 4);
            switch (f[0]) {
                case "now" -> now = Instant.ofEpochSecond(Long.parseLong(f[1]));
                case "root" -> rootState = f[1];
                case "avail" -> avail = parseLong(f[1], -1);
                case "entry" -> {
                    if (f.length == 4) {
                        entry(f[3], f[1].equals("1"), parseLong(f[2], 0)).ifPresent(stored::add);
                    }
                }
                default -> { }
            }
        }
        if (now == null) {
            throw new IllegalArgumentException("the node did not report its clock: " + output);
        }
        stored.sort(Comparator.comparing(StoredBackup::name));
        return new RootInventory(now, rootState, avail, stored);
    }

    private static Optional<StoredBackup> entry(String directory, boolean ourMetadata, long sizeKb) {
        Optional<BackupName> partial = BackupName.parsePartial(directory);
        if (partial.isPresent()) {
            return Optional.of(StoredBackup.partial(partial.get()));
        }
        return BackupName.parse(directory).map(n -> ourMetadata ? StoredBackup.complete(n, sizeKb)
                : StoredBackup.unrecognised(n));
    }

    private static long parseLong(String s, long fallback) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The newest successful backup not dated in the future, which a new one is compared with. */
    Optional<StoredBackup> newestSuccessful() {
        return successfulNewestFirst().stream().findFirst();
    }

    /** Successful backups not dated in the future, newest first. */
    List<StoredBackup> successfulNewestFirst() {
        Instant limit = now.plus(RetentionPolicy.FUTURE_TOLERANCE);
        return stored.stream().filter(StoredBackup::successful).filter(b -> !b.name().createdAt().isAfter(limit))
                .sorted(Comparator.comparing(StoredBackup::name).reversed()).collect(Collectors.toList());
    }

    long successfulCount() {
        return stored.stream().filter(StoredBackup::successful).count();
    }
}
