package io.jenkins.plugins.xcatha.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a simulated pair and keeps it until interrupted; the CLI wraps it as
 * {@code xcat-ha simulate}.
 *
 * <pre>
 * java -cp xcat-ha-testkit.jar io.jenkins.plugins.xcatha.testkit.SimulateMain \
 *     [--flavour RHEL9] [--engine sqlite] [--fault standby:clock-skew=30 ...] [--json]
 * </pre>
 */
public final class SimulateMain {
    private SimulateMain() {}

    public static void main(String[] args) throws InterruptedException {
        Flavour flavour = Flavour.RHEL9;
        DbEngine engine = DbEngine.SQLITE;
        boolean json = false;
        List<String[]> faults = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--flavour": case "--flavor": flavour = Flavour.parse(value(args, ++i)); break;
                case "--engine": engine = DbEngine.parse(value(args, ++i)); break;
                case "--json": json = true; break;
                case "--fault": {
                    String f = value(args, ++i);
                    int colon = f.indexOf(':');
                    if (colon < 0) usage("--fault needs NODE:FAULT, e.g. standby:clock-skew=30");
                    faults.add(new String[] {f.substring(0, colon), f.substring(colon + 1)});
                    break;
                }
                case "-h": case "--help": usage(null); break;
                default: usage("unknown argument " + args[i]);
            }
        }
        String problem = Environment.problem();
        if (problem != null) {
            System.err.println("xcat-ha simulate: " + problem);
            System.exit(1);
        }
        SimulatedCluster cluster = SimulatedCluster.startPair(flavour, engine);
        for (String[] f : faults) cluster.node(f[0]).inject(Fault.parse(f[1]));
        System.out.println(json ? describeJson(cluster) : describe(cluster));
        System.out.flush();
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
        forever.await();
    }

    static String describe(SimulatedCluster c) {
        StringBuilder sb = new StringBuilder("Simulated xCAT management nodes are up (Ctrl-C stops them).\n");
        for (SimulatedNode n : c.nodes()) {
            sb.append(String.format("  %-8s %s  %s:%d  %s, %s%n", n.role(), n.hostname(), n.address(), n.port(), n.flavour(), n.engine()));
        }
        sb.append("  virtual IP  ").append(c.virtualIp()).append('\n');
        sb.append("  identity    ").append(c.clientKey().privateKeyFile()).append('\n');
        sb.append("  known_hosts ").append(c.knownHostsFile()).append('\n');
        sb.append("  try: ssh -i ").append(c.clientKey().privateKeyFile()).append(" -o UserKnownHostsFile=").append(c.knownHostsFile())
                .append(" root@").append(c.primary().address()).append(" lsxcatd -a\n");
        for (SimulatedNode n : c.nodes()) sb.append("  known_hosts line: ").append(n.address()).append(' ').append(n.hostKeyLines().get("ssh-rsa")).append('\n');
        return sb.toString();
    }

    static String describeJson(SimulatedCluster c) {
        StringBuilder sb = new StringBuilder("{");
        for (SimulatedNode n : c.nodes()) {
            if (sb.length() > 1) sb.append(',');
            sb.append(quote(n.role())).append(":{\"host\":").append(quote(n.hostname())).append(",\"address\":").append(quote(n.address()))
                    .append(",\"port\":").append(n.port()).append(",\"identity\":").append(quote(c.clientKey().privateKeyFile().toString()))
                    .append(",\"knownHosts\":").append(quote(c.knownHostsFile().toString())).append('}');
        }
        return sb.append('}').toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) usage(args[i - 1] + " needs a value");
        return args[i];
    }

    private static void usage(String error) {
        if (error != null) System.err.println("xcat-ha simulate: " + error);
        System.err.println("usage: simulate [--flavour RHEL9|RHEL7|SLES15|UBUNTU22|UBUNTU24|AIX7] [--engine sqlite|mysql|postgresql|db2] [--fault NODE:FAULT ...] [--json]");
        System.exit(error == null ? 0 : 2);
    }
}
