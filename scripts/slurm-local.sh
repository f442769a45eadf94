#!/usr/bin/env bash
# A one-node Slurm cluster on localhost, for `vti regress --backend slurm` and its test:
# munge (authentication) + slurmctld (controller) + slurmd (the node), started directly (no
# systemd, so it works in a container), the node described by `slurmd -C` (its real CPUs and
# memory). Idempotent: run it again and it only starts what is not running. Root on Debian 12;
# installs slurm-wlm and munge when missing. Ends when `sinfo` shows the node idle.
#
#   scripts/slurm-local.sh          # start (or check) the cluster
#   scripts/slurm-local.sh stop     # stop the daemons it started
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

[ "$(id -u)" = 0 ] || { echo "slurm-local.sh: run as root (it writes /etc/slurm and starts daemons)"; exit 1; }

CONF_DIR=/etc/slurm
CONF=$CONF_DIR/slurm.conf
STATE=/var/lib/slurm
LOGS=/var/log/slurm
CTLD_PID=/run/slurmctld.pid
SLURMD_PID=/run/slurmd.pid
MUNGE_PID=/run/munge/munged.pid

running() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

if [ "${1:-}" = stop ]; then
  for p in "$SLURMD_PID" "$CTLD_PID" "$MUNGE_PID"; do
    if running "$p"; then kill "$(cat "$p")"; fi
  done
  echo "slurm-local: stopped"
  exit 0
fi

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  echo "slurm-local: installing slurm-wlm and munge"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi

# A tool once run with `-o /dev/null` can leave it mode 0755; munged (not root) then cannot open it.
[ -c /dev/null ] && chmod 666 /dev/null

# --- munge: a key, its folders owned by the munge user, the daemon running as that user.
mkdir -p /etc/munge /var/lib/munge /var/log/munge /run/munge
if [ ! -s /etc/munge/munge.key ]; then
  dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
fi
chown -R munge:munge /etc/munge /var/lib/munge /var/log/munge /run/munge
chmod 0700 /etc/munge /var/lib/munge /var/log/munge
chmod 0755 /run/munge
chmod 0400 /etc/munge/munge.key
if ! running "$MUNGE_PID"; then
  runuser -u munge -- /usr/sbin/munged --pid-file="$MUNGE_PID"
fi
for _ in $(seq 50); do timeout 2 munge -n >/dev/null 2>&1 && break; sleep 0.1; done
timeout 5 munge -n | timeout 5 unmunge >/dev/null || { echo "slurm-local: munge does not work (see /var/log/munge/munged.log)"; exit 1; }

# --- slurm.conf: this host as controller and the only node, as slurmd -C describes it.
host=$(hostname -s)
node=$(slurmd -C | sed -n '1s/^NodeName=[^ ]* //p')
[ -n "$node" ] || { echo "slurm-local: 'slurmd -C' printed no node line"; exit 1; }
mkdir -p "$CONF_DIR" "$STATE/slurmctld" "$STATE/slurmd" "$LOGS"
tmp=$(mktemp "$CONF_DIR/.slurm.conf.XXXXXX")
cat >"$tmp" <<EOF
# Written by vti-hdl scripts/slurm-local.sh: a one-node cluster on localhost.
ClusterName=vti-local
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$STATE/slurmctld
SlurmdSpoolDir=$STATE/slurmd
SlurmctldPidFile=$CTLD_PID
SlurmdPidFile=$SLURMD_PID
SlurmctldLogFile=$LOGS/slurmctld.log
SlurmdLogFile=$LOGS/slurmd.log
# No cgroups in a container: processes are tracked by their parent, tasks not bound.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
# Finished jobs stay visible to squeue -t all for 10 minutes (vti regress follows them there).
MinJobAge=600
MaxArraySize=100001
MaxJobCount=200000
NodeName=$host NodeAddr=127.0.0.1 $node State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
changed=1
if [ -f "$CONF" ] && cmp -s "$tmp" "$CONF"; then changed=0; rm -f "$tmp"; else mv "$tmp" "$CONF"; fi
chmod 0644 "$CONF"

if running "$CTLD_PID" && [ "$changed" = 1 ]; then scontrol reconfigure || true; fi
if ! running "$CTLD_PID"; then /usr/sbin/slurmctld; fi
for _ in $(seq 100); do scontrol ping 2>/dev/null | grep -q 'UP' && break; sleep 0.2; done
if ! running "$SLURMD_PID"; then /usr/sbin/slurmd; fi

# --- wait for the node to be idle (resume it if an earlier run left it down or drained).
for i in $(seq 150); do
  state=$(sinfo -h -N -n "$host" -o '%t' 2>/dev/null | head -1 || true)
  case "$state" in
    idle | mix | alloc) echo "slurm-local: node $host $state ($node)"; exit 0 ;;
    down* | drain* | drng* | fail*) [ $((i % 10)) = 1 ] && scontrol update NodeName="$host" State=RESUME 2>/dev/null || true ;;
  esac
  sleep 0.2
done
echo "slurm-local: node $host did not become idle (state '${state:-none}'); see $LOGS/slurmctld.log and $LOGS/slurmd.log"
exit 1
