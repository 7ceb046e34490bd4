package io.jenkins.plugins.xcatha.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the testkit's exact logs. received.log: per record "LEN:BYTES\n". calls.log: per
 * invocation "COUNT LEN:BYTES LEN:BYTES...\n". Lengths count bytes, so any argument
 * (spaces, quotes, newlines) comes back unchanged.
 */
final class LengthPrefixed {
    private LengthPrefixed() {}

    static List<String> records(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < b.length) {
            out.add(field(b, pos));
            pos[0]++; // newline
        }
        return out;
    }

    static List<List<String>> argvRecords(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        List<List<String>> out = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < b.length) {
            int count = number(b, pos, ' ', '\n');
            List<String> argv = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                pos[0]++; // the space before each field
                argv.add(field(b, pos));
            }
            pos[0]++; // newline
            out.add(argv);
        }
        return out;
    }

    private static String field(byte[] b, int[] pos) {
        int len = number(b, pos, ':', ':');
        pos[0]++; // ':'
        String s = new String(b, pos[0], len, StandardCharsets.UTF_8);
        pos[0] += len;
        return s;
    }

    private static int number(byte[] b, int[] pos, char end1, char end2) {
        int n = 0;
        while (b[pos[0]] != end1 && b[pos[0]] != end2) {
            n = n * 10 + (b[pos[0]] - '0');
            pos[0]++;
        }
        return n;
    }
}
