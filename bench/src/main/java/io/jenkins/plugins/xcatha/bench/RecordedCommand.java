package io.jenkins.plugins.xcatha.bench;

import io.jenkins.plugins.xcatha.procedure.Node;

/**
 * A command as the procedure sent it to a node: the exact shell line (what sshd receives, before the
 * transport's own kill-on-timeout wrapper), its stdin, and how it ended.
 */
record RecordedCommand(Node.Role role, String line, byte[] stdin, int exitCode, long millis) {
}
