package io.jenkins.plugins.xcatha.exec;

import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The one place where argv becomes a POSIX shell command line. Every argument is single-quoted unless
 * it is made only of characters no shell treats specially, so hostile values (spaces, quotes, $(),
 * backticks, ;, newlines, leading -) reach the program as one literal argument.
 */
public final class ShellQuoting {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuoting() {
    }

    public static String quote(String argument) {
        if (argument.indexOf('\0') >= 0) {
            // A NUL cannot be passed in an argv entry by any shell: refuse instead of truncating silently.
            throw new IllegalArgumentException("argument contains a NUL character and cannot be passed to a shell: "
                    + argument.replace("\0", "\\0"));
        }
        if (!argument.isEmpty() && SAFE.matcher(argument).matches()) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    public static String join(Iterable<String> argv) {
        StringJoiner line = new StringJoiner(" ");
        for (String arg : argv) {
            line.add(quote(arg));
        }
        return line.toString();
    }

    /**
     * {@code cd DIR && env NAME=VALUE... argv}: the working directory and environment travel on the
     * command line because sshd does not accept arbitrary environment variables.
     */
    public static String commandLine(Command command) {
        StringBuilder line = new StringBuilder();
        if (command.workingDirectory() != null) {
            line.append("cd ").append(quote(command.workingDirectory())).append(" && ");
        }
        if (!command.environment().isEmpty()) {
            line.append("env");
            for (Map.Entry<String, String> e : command.environment().entrySet()) {
                line.append(' ').append(quote(e.getKey() + "=" + e.getValue()));
            }
            line.append(' ');
        }
        line.append(join(command.argv()));
        return line.toString();
    }
}
