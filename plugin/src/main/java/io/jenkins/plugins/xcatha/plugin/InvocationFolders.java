package io.jenkins.plugins.xcatha.plugin;

import hudson.FilePath;
import hudson.model.InvisibleAction;
import hudson.model.Run;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Hands out the artifact folder of each invocation in a build: {@code xcat-ha/<procedure-id>}, then
 * {@code -2}, {@code -3}... Workspaces outlive builds, so the first invocation of a build in a workspace
 * removes the {@code xcat-ha} folder an earlier build left there: {@code junit 'xcat-ha/**}{@code /junit.xml'}
 * must see this build's results only.
 */
public final class InvocationFolders extends InvisibleAction {
    static final String ROOT = "xcat-ha";
    private final Map<String, Integer> used = new HashMap<>();
    private final Set<String> cleaned = new HashSet<>();

    static InvocationFolders of(Run<?, ?> run) {
        synchronized (InvocationFolders.class) {
            InvocationFolders folders = run.getAction(InvocationFolders.class);
            if (folders == null) {
                folders = new InvocationFolders();
                run.addAction(folders);
            }
            return folders;
        }
    }

    /** The workspace-relative folder for the next invocation of {@code procedureId}. */
    synchronized String claim(FilePath workspace, String nodeName, String procedureId)
            throws IOException, InterruptedException {
        if (cleaned.add(nodeName + ":" + workspace.getRemote())) {
            workspace.child(ROOT).deleteRecursive();
        }
        int n = used.merge(procedureId, 1, Integer::sum);
        return ROOT + "/" + (n == 1 ? procedureId : procedureId + "-" + n);
    }
}
