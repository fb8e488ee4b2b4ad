#!/usr/bin/env bash
# Starts dockerd the way this project's machines allow (no bridge, no iptables) unless a
# daemon already answers on the socket. Idempotent. Containers always run with network none.
set -euo pipefail
SOCK=${DOCKER_SOCK:-/var/run/docker.sock}
answers() { curl -sf --max-time 2 --unix-socket "$SOCK" http://docker/_ping >/dev/null 2>&1; }
if answers; then
  echo "dockerd already running"
  exit 0
fi
# setsid: the daemon must outlive the shell (and process group) that started it.
setsid -f dockerd --bridge=none --iptables=false --ip-masq=false >/var/log/swelego-dockerd.log 2>&1 </dev/null
for _ in $(seq 1 120); do
  if answers; then
    echo "dockerd started"
    exit 0
  fi
  sleep 0.5
done
echo "dockerd did not answer within 60 s; its log:" >&2
tail -n 40 /var/log/swelego-dockerd.log >&2
exit 1
