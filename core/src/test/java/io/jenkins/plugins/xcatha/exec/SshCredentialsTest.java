package io.jenkins.plugins.xcatha.exec;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class SshCredentialsTest {
    @Test
    public void toStringMasksKeyAndPassphrase() {
        SshCredentials c = SshCredentials.privateKey("root",
                "-----BEGIN RSA PRIVATE KEY-----\nMIIEsecretbody\n".toCharArray(), "hunter22".toCharArray());
        assertThat(c.toString(), is("SshCredentials[user=root, key=****, passphrase=****]"));
        assertThat(c.toString(), not(containsString("secretbody")));
        assertThat(c.toString(), not(containsString("hunter22")));
    }

    @Test
    public void destroyWipesKeyAndPassphrase() {
        char[] key = "-----BEGIN RSA PRIVATE KEY-----\nabc".toCharArray();
        SshCredentials c = SshCredentials.privateKey("root", key, "pw".toCharArray());
        c.destroy();
        assertThat(new String(c.privateKey()).replace("\0", ""), is(""));
        assertThat(new String(c.passphrase()).replace("\0", ""), is(""));
        assertThat(new String(key), containsString("abc"));
    }

    @Test
    public void refusesAHostileUserName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SshCredentials.sshDefaults("-oProxyCommand=touch /tmp/x"));
        assertThat(e.getMessage(), containsString("not a valid user name"));
    }

    @Test
    public void anEmptyPassphraseMeansNone() {
        assertThat(SshCredentials.privateKey("root", "k".toCharArray(), new char[0]).hasPassphrase(), is(false));
    }
}
