#!/usr/bin/env bash
# Builds the sandbox base image (Debian bookworm minbase + python3 with pytest, venv, pip and
# setuptools, git, procps) without a registry: debootstrap into a folder, then import it
# through the Engine API's image import. The tag's suffix changes when the package list does.
# Idempotent: does nothing when the image exists.
set -euo pipefail
IMAGE=${SWELEGO_BASE_IMAGE:-swelego/base:bookworm-2}
SOCK=${DOCKER_SOCK:-/var/run/docker.sock}
if curl -sf --unix-socket "$SOCK" "http://docker/v1.41/images/${IMAGE}/json" >/dev/null; then
  echo "base image $IMAGE present"
  exit 0
fi
mirror=$( { grep -rhoE '^(URIs:|deb) +https?://[^ ]+debian/?' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null || true; } \
  | grep -v security | head -n1 | awk '{print $2}')
mirror=${mirror:-http://deb.debian.org/debian}
dir=$(mktemp -d /var/tmp/swelego-rootfs.XXXXXX)
trap 'rm -rf "$dir"' EXIT
echo "debootstrap bookworm from $mirror into $dir (takes ~2 minutes)"
debootstrap --variant=minbase --include=python3,python3-pytest,python3-venv,python3-pip,python3-setuptools,git,procps bookworm "$dir" "$mirror" >"$dir.log" 2>&1 \
  || { tail -n 30 "$dir.log"; exit 1; }
rm -f "$dir.log"
repo=${IMAGE%%:*}; tag=${IMAGE##*:}
tar -C "$dir" -c . | curl -sf --unix-socket "$SOCK" -X POST -H 'Content-Type: application/x-tar' \
  --data-binary @- "http://docker/v1.41/images/create?fromSrc=-&repo=${repo}&tag=${tag}" >/dev/null
echo "base image $IMAGE built"
