package io.jenkins.plugins.xcatha.exec;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class OutputCollectorTest {
    private final List<String> lines = new ArrayList<>();
    private final OutputLineListener listener = (stream, line) -> lines.add(stream + ":" + line);

    private static void write(OutputCollector c, String text) throws Exception {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        c.write(b, 0, b.length);
    }

    @Test
    public void keepsTheFirstCapBytesAndCountsTheRest() throws Exception {
        OutputCollector c = new OutputCollector(OutputLineListener.Stream.STDOUT, 10, null, null);
        write(c, "0123456789abcdef");
        write(c, "ghij");
        c.finish();
        assertThat(c.text(), is("0123456789"));
        assertThat(c.droppedBytes(), is(10L));
        assertThat(c.totalBytes(), is(20L));
    }

    @Test
    public void deliversLinesSplitAcrossWritesAndTheLastLineWithoutNewline() throws Exception {
        OutputCollector c = new OutputCollector(OutputLineListener.Stream.STDERR, 100, listener, null);
        write(c, "first li");
        write(c, "ne\r\nsecond\n\nlast without newline");
        assertThat(lines, contains("STDERR:first line", "STDERR:second", "STDERR:"));
        c.finish();
        c.finish();
        assertThat(lines, contains("STDERR:first line", "STDERR:second", "STDERR:", "STDERR:last without newline"));
    }

    @Test
    public void linesKeepFlowingToTheListenerAfterTheCapIsReached() throws Exception {
        OutputCollector c = new OutputCollector(OutputLineListener.Stream.STDOUT, 4, listener, null);
        write(c, "one\ntwo\nthree\n");
        assertThat(lines, contains("STDOUT:one", "STDOUT:two", "STDOUT:three"));
        assertThat(c.text(), is("one\n"));
        assertThat(c.droppedBytes(), is(10L));
    }

    @Test
    public void anEndlessLineReachesTheListenerInBoundedPieces() throws Exception {
        OutputCollector c = new OutputCollector(OutputLineListener.Stream.STDOUT, 0, listener, null);
        byte[] chunk = new byte[10_000];
        java.util.Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < 20; i++) {
            c.write(chunk, 0, chunk.length);
        }
        c.finish();
        assertThat(lines, hasSize(4));
        assertThat(lines.get(0).length(), is("STDOUT:".length() + OutputCollector.MAX_LINE_BYTES));
    }

    @Test
    public void aSinkReceivesEveryByteAndNothingIsKept() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputCollector c = new OutputCollector(OutputLineListener.Stream.STDOUT, 4, null, sink);
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        c.write(binary, 0, binary.length);
        c.finish();
        assertThat(sink.toByteArray(), equalTo(binary));
        assertThat(c.text(), is(""));
        assertThat(c.droppedBytes(), is(0L));
    }

    @Test
    public void aFailingListenerDoesNotBreakTheCommand() throws Exception {
        OutputCollector c = new OutputCollector(OutputLineListener.Stream.STDOUT, 100, (s, l) -> {
            throw new IllegalStateException("build log closed");
        }, null);
        write(c, "a\nb\n");
        c.finish();
        assertThat(c.text(), is("a\nb\n"));
    }
}
