package io.jenkins.plugins.xcatha.backup;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.Assert.assertThrows;

import java.util.Map;
import org.junit.Test;

public class Sha256ManifestTest {
    private static final String A = "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb";
    private static final String B = "3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d";

    @Test
    public void readsWhatSha256sumAndOpensslWriteAndWritesSha256sumFormat() {
        Sha256Manifest m = Sha256Manifest.parse(A + "  site.csv\n" + B.toUpperCase() + " *passwd.csv\n");
        assertThat(m.digests(), equalTo(Map.of("site.csv", A, "passwd.csv", B)));
        assertThat(m.format(), equalTo(B + "  passwd.csv\n" + A + "  site.csv\n"));
        assertThat(Sha256Manifest.parse(m.format()), equalTo(m));
    }

    @Test
    public void refusesAnythingElse() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> Sha256Manifest.parse("oops  site.csv"))
                .getMessage(), containsString("not a sha256sum line"));
        assertThrows(IllegalArgumentException.class, () -> Sha256Manifest.parse(A + "  ../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> Sha256Manifest.parse(A + "  a.csv\n" + B + "  a.csv"));
        assertThrows(IllegalArgumentException.class, () -> Sha256Manifest.of(Map.of("a.csv", "zz")));
    }
}
