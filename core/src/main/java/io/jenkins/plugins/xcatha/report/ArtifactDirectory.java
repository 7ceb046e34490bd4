package io.jenkins.plugins.xcatha.report;

import io.jenkins.plugins.xcatha.config.Validate;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where one invocation's artifacts go: {@code <base>/xcat-ha/<procedure-id>/}, and for later invocations in
 * the same build or output directory {@code <procedure-id>-2/}, {@code -3/}... Taking a folder is atomic
 * ({@link Files#createDirectory} fails if it exists), so two runs started at once never share one.
 */
public final class ArtifactDirectory {
    /** The folder under the build or output directory that holds every invocation's artifacts. */
    public static final String ROOT = "xcat-ha";
    private static final int MOST_INVOCATIONS = 10_000;

    private ArtifactDirectory() {
    }

    /** Creates and returns the first free folder for {@code procedureId} under {@code base/xcat-ha}. */
    public static Path allocate(Path base, String procedureId) throws IOException {
        String id = Validate.name("procedure id", procedureId);
        Path root = base.resolve(ROOT);
        Files.createDirectories(root);
        for (int n = 1; n <= MOST_INVOCATIONS; n++) {
            Path candidate = root.resolve(n == 1 ? id : id + "-" + n);
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException taken) {
                // an earlier invocation has it: try the next number
            }
        }
        throw new IOException(root + " already holds " + MOST_INVOCATIONS + " folders for " + id
                + "; clean it up or choose another output directory");
    }
}
