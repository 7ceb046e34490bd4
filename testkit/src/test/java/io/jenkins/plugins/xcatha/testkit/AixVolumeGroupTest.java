package io.jenkins.plugins.xcatha.testkit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Rule;
import org.junit.Test;

/**
 * AIX keeps the shared file systems on a volume group that one node at a time has varied on: the other node knows
 * it (imported) but cannot mount its file systems, nor vary it on while the holder has it; the holder cannot vary it
 * off while a file system on it is mounted.
 */
public class AixVolumeGroupTest {
    @Rule
    public SimulatedClusterRule sim = SimulatedClusterRule.pair(Flavour.AIX7, DbEngine.SQLITE);

    private static List<String> lsvg(SimulatedNode node, String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "lsvg";
        System.arraycopy(args, 0, argv, 1, args.length);
        return node.exec(argv).stdoutOrThrow().lines().toList();
    }

    @Test
    public void theSharedVolumeGroupMovesOnlyOnceItsFileSystemsAreUnmountedAndItIsVariedOff() {
        SimulatedNode primary = sim.primary();
        SimulatedNode standby = sim.standby();
        assertEquals(List.of("xcatvg", "rootvg"), lsvg(primary, "-o"));
        assertEquals(List.of("rootvg"), lsvg(standby, "-o"));
        assertEquals("both nodes imported it", List.of("rootvg", "xcatvg"), lsvg(standby));

        ExecResult mount = standby.exec("mount", "/install");
        assertEquals(1, mount.exitCode());
        assertThat(mount.stderr(), containsString("0506-324 Cannot mount /dev/mapper/xcatvg-install on /install"));
        ExecResult varyOn = standby.exec("varyonvg", "xcatvg");
        assertEquals(1, varyOn.exitCode());
        assertThat(varyOn.stderr(), containsString("0516-013 varyonvg"));

        ExecResult busy = primary.exec("varyoffvg", "xcatvg");
        assertEquals(1, busy.exitCode());
        assertThat(busy.stderr(), containsString("0516-012 lvm_varyoffvg: Logical volume must be closed."));

        assertEquals(0, primary.exec("exportfs", "-ua").exitCode());
        for (String dir : primary.mountedDirs()) {
            assertEquals(dir, 0, primary.exec("umount", dir).exitCode());
        }
        assertEquals(0, primary.exec("varyoffvg", "xcatvg").exitCode());
        assertEquals(0, standby.exec("varyonvg", "xcatvg").exitCode());
        assertEquals(0, standby.exec("mount", "/install").exitCode());
        assertEquals(List.of("xcatvg", "rootvg"), lsvg(standby, "-o"));
        assertEquals(List.of("rootvg"), lsvg(primary, "-o"));
    }

    @Test
    public void aRebootVariesNoSharedVolumeGroupOn() {
        sim.primary().reboot();
        assertEquals(List.of("rootvg"), lsvg(sim.primary(), "-o"));
        assertEquals(0, sim.standby().exec("varyonvg", "xcatvg").exitCode());
    }
}
