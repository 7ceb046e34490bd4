#!/bin/bash
# Runs as the first process of a simulated node, already inside its own mount and UTS
# namespaces (started as: setsid unshare --mount --uts --propagation private -- bash node-init.sh).
# Builds the node's filesystem view and then becomes the node's sshd.
#
# Everything mounted here lives only in this mount namespace: when the last process of
# the node dies, the kernel drops every mount, so a crash of the test JVM cannot leave
# mounts behind on the host.
#
#   $1  node directory (upper/ work/ root/ state/ already prepared by the Java side)
#   $2  hostname of the node
set -euo pipefail
node_dir=$1
node_hostname=$2
root=$node_dir/root

# The host's root filesystem is the read-only lower layer; every write the node makes
# lands in upper/, never on the host.
mount -t overlay overlay -o "lowerdir=/,upperdir=$node_dir/upper,workdir=$node_dir/work" "$root"
mount --rbind /dev "$root/dev"
mount -t proc proc "$root/proc"
# /root only as prepared: the host's own /root (dotfiles, caches) must not show through.
mount --bind "$node_dir/upper/root" "$root/root"
# A fresh /run (sshd needs /run/sshd) and /tmp: the host's /tmp holds the run directories
# of every simulated node, which a node must not see.
mount -t tmpfs -o mode=0755 tmpfs "$root/run"
mkdir -p "$root/run/sshd"
mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
# Node state (services, faults, audit log, database tables) is a plain host directory,
# so the test JVM can read and change it without entering the namespace.
mount --bind "$node_dir/state" "$root/var/lib/xcat-sim"
# What the nodes of one simulated cluster share, as a network and shared disks are shared: who holds the
# virtual IP, which node's network is cut. Every node sees the same directory.
mkdir -p "$root/var/lib/xcat-sim-cluster"
mount --bind "$(dirname "$node_dir")/cluster" "$root/var/lib/xcat-sim-cluster"
# The shared data the node has mounted: the cluster's shared disk, one directory per device, bound over the
# node's own directory (what the node had there stays underneath, as on a real local disk).
while read -r dev dir _; do
    case "$dev" in /dev/mapper/xcatvg-*) ;; *) continue ;; esac
    mkdir -p "$(dirname "$node_dir")/cluster/shared/${dev##*/}" "$root$dir"
    mount --bind "$(dirname "$node_dir")/cluster/shared/${dev##*/}" "$root$dir"
done < "$node_dir/state/mounts"

hostname "$node_hostname"

# A process that keeps the namespace (and so the node's files) alive even after a
# simulated crash killed every sshd; exec() and file reads enter the node through it.
chroot "$root" /bin/sleep infinity </dev/null >/dev/null 2>&1 &
keeper=$!
# $! is the forked shell, which has yet to exec chroot: until then its root is the host's,
# and a file read through /proc/$keeper/root (SimulatedNode.readFile) or nsenter --root would
# look at the host (/root/.ssh/authorized_keys: "No such file"). Publish it only once chrooted.
root_real=$(readlink -f "$root")
until [ "$(readlink "/proc/$keeper/root")" = "$root_real" ]; do
    kill -0 "$keeper" 2>/dev/null || { echo "node-init: the keeper process died" >&2; exit 1; }
    sleep 0.01
done
echo "$keeper" > "$node_dir/keeper.pid.new"
mv "$node_dir/keeper.pid.new" "$node_dir/keeper.pid"

exec chroot "$root" /usr/sbin/sshd -D -e -f /etc/ssh/xcat-sim/sshd_config
