package io.jenkins.plugins.xcatha.plugin;

import com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import io.jenkins.plugins.xcatha.plugin.hostkey.KnownHostsFileVerification;
import io.jenkins.plugins.xcatha.testkit.SimulatedClusterRule;
import java.io.IOException;
import java.util.List;

/** What a Jenkins needs to reach simulated management nodes: their root key as a credential, and their host keys. */
final class SimulatedNodeKeys {
    static final String CREDENTIALS_ID = "xcat-root";

    private SimulatedNodeKeys() {}

    /** Stores the nodes' root key as the global credential {@value #CREDENTIALS_ID} (saved, so it survives restarts). */
    static BasicSSHUserPrivateKey installRootKey(SimulatedClusterRule sim) throws IOException {
        BasicSSHUserPrivateKey key = new BasicSSHUserPrivateKey(
                CredentialsScope.GLOBAL,
                CREDENTIALS_ID,
                "root",
                new BasicSSHUserPrivateKey.DirectEntryPrivateKeySource(
                        sim.cluster().clientKey().privateKeyPem()),
                null,
                "root on the xCAT management nodes");
        SystemCredentialsProvider credentials = SystemCredentialsProvider.getInstance();
        credentials.getDomainCredentialsMap().put(Domain.global(), List.of(key));
        credentials.save();
        return key;
    }

    /** The nodes' known_hosts file, as a Pipeline argument. */
    static String knownHostsArgument(SimulatedClusterRule sim) {
        return "knownHostsFile(path: '" + sim.cluster().knownHostsFile() + "')";
    }

    static KnownHostsFileVerification knownHosts(String path) {
        KnownHostsFileVerification v = new KnownHostsFileVerification();
        v.setPath(path);
        return v;
    }

    static KnownHostsFileVerification knownHosts(SimulatedClusterRule sim) {
        return knownHosts(sim.cluster().knownHostsFile().toString());
    }
}
