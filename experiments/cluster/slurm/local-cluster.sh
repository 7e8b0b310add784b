#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, for the suite's Slurm test and for trying
# `./transferlab slurm` without a cluster. There is no systemd on the machines this runs on, so the
# script starts the daemons itself:
#
#   local-cluster.sh install         installs munge, slurmctld, slurmd and slurm-client (Debian 12: 22.05)
#   local-cluster.sh start DIR       writes DIR/slurm.conf, starts munged, slurmctld and slurmd, waits
#                                    until the node is idle, and prints `export SLURM_CONF=DIR/slurm.conf`
#   local-cluster.sh stop DIR        stops the daemons started into DIR, whatever state they are in
#
# Everything the cluster writes (state, spool, logs, pid files) lives in DIR. It runs as root: slurmd
# must, and the test machines run as root. slurmctld listens on $LOCAL_SLURM_PORT (default 6817) and
# slurmd on the port after it; a port already in use is refused rather than shared with another cluster.
set -euo pipefail

packages=(munge slurmctld slurmd slurm-client)

die() { echo "local-cluster: $*" >&2; exit 2; }

install_packages() {
  if command -v munged >/dev/null && command -v slurmctld >/dev/null && command -v slurmd >/dev/null \
      && command -v sbatch >/dev/null; then
    return
  fi
  command -v apt-get >/dev/null || die "no apt-get here: install ${packages[*]} with your package manager"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null || die "run as root to install ${packages[*]}"; sudo=(sudo); }
  echo "local-cluster: installing ${packages[*]}" >&2
  "${sudo[@]}" apt-get update -qq >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >&2
}

start_munge() {
  # One munged serves every cluster on the machine; start it only when its socket does not answer,
  # and remember that this cluster started it, so that stop stops it too.
  local dir="$1"
  if munge -n </dev/null >/dev/null 2>&1; then return; fi
  [ -f /etc/munge/munge.key ] || die "/etc/munge/munge.key is missing (reinstall munge, or run mungekey as the munge user)"
  install -d -o munge -g munge -m 0755 /run/munge
  install -d -o munge -g munge -m 0700 /var/lib/munge /var/log/munge
  runuser -u munge -- /usr/sbin/munged
  touch "$dir/munged.started-here"
  for _ in $(seq 50); do munge -n </dev/null >/dev/null 2>&1 && return; sleep 0.1; done
  die "munged did not start (see /var/log/munge/munged.log)"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

write_conf() {
  local dir="$1" node cpus memory
  node="$(hostname -s)"
  cpus="$(slurmd -C | sed -n 's/.*CPUs=\([0-9]*\).*/\1/p')"
  memory="$(slurmd -C | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p')"
  mkdir -p "$dir/state" "$dir/spool" "$dir/log"
  cat > "$dir/slurm.conf" <<CONF
# A single-node test cluster written by experiments/cluster/slurm/local-cluster.sh.
ClusterName=transferlab-local
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MinJobAge=3600
KillWait=5
InactiveLimit=0
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=local Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
}

start() {
  local dir
  dir="$(mkdir -p "$1" && cd "$1" && pwd)"
  ctld_port="${LOCAL_SLURM_PORT:-6817}"
  slurmd_port=$((ctld_port + 1))
  for port in "$ctld_port" "$slurmd_port"; do
    ! port_in_use "$port" || die "port $port is in use (another Slurm cluster?); stop it, or set LOCAL_SLURM_PORT to a free port"
  done
  install_packages
  start_munge "$dir"
  write_conf "$dir"
  export SLURM_CONF="$dir/slurm.conf"
  # -D keeps each daemon in the foreground of its own background job; -i ignores state left by an
  # earlier cluster in the same directory.
  nohup slurmctld -D -i -f "$SLURM_CONF" >"$dir/log/slurmctld.out" 2>&1 &
  echo $! > "$dir/slurmctld.job"
  nohup slurmd -D -f "$SLURM_CONF" >"$dir/log/slurmd.out" 2>&1 &
  echo $! > "$dir/slurmd.job"
  for _ in $(seq 300); do
    if [ "$(sinfo -h -o '%T' 2>/dev/null | head -1)" = "idle" ]; then
      echo "export SLURM_CONF=$SLURM_CONF"
      return
    fi
    sleep 0.2
  done
  echo "local-cluster: the node did not become idle in 60 s; sinfo says: $(sinfo -h 2>&1 | head -3)" >&2
  tail -5 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2 2>/dev/null || true
  stop "$dir"
  exit 1
}

stop() {
  local dir="$1" pid
  for daemon in slurmd slurmctld; do
    pid="$(cat "$dir/$daemon.job" 2>/dev/null || true)"
    [ -n "$pid" ] || continue
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$dir/$daemon.job"
  done
  # Jobs left running by slurmd (proctrack/linuxproc does not take them down with it).
  pkill -f "slurmstepd: \[" 2>/dev/null || true
  if [ -f "$dir/munged.started-here" ]; then
    pid="$(cat /run/munge/munged.pid 2>/dev/null || true)"
    [ -z "$pid" ] || kill "$pid" 2>/dev/null || true
    rm -f "$dir/munged.started-here"
  fi
}

case "${1:-}" in
  install) install_packages ;;
  start) [ $# -eq 2 ] || die "usage: $0 start DIR"; start "$2" ;;
  stop) [ $# -eq 2 ] || die "usage: $0 stop DIR"; stop "$2" ;;
  *) die "usage: $0 install | start DIR | stop DIR" ;;
esac
