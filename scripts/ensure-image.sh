#!/usr/bin/env bash
# Makes sure the runtime image exists, building it once when it does not.
#
# The image is tagged from its recipe: sockspec-runtime:<first 12 hex of sha256(runtime/packages +
# runtime/setup.sh)>, so an edited recipe gets a new tag and is built once; an existing tag is reused.
# The Java side computes the same tag from the same two files (org.sockspec.bench.RuntimeImage).
#
# Default path, offline (needs no registry): debootstrap a minimal Debian bookworm with the recipe's
# packages, run setup.sh in it, `docker import` it. Needs root and Debian's package mirror.
# --dockerfile: `docker build` runtime/Dockerfile from a public base instead, for machines that have
# a registry and not debootstrap (macOS, non-root).
#
# Prints the image name on stdout. Exit status: 0 ready; 1 the build failed (the message says why);
# 3 no container engine (from ensure-engine.sh).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
recipe="$here/../runtime"
mode=offline
[ "${1:-}" = "--dockerfile" ] && mode=dockerfile

say() { printf 'sockspec: %s\n' "$*" >&2; }
fail() { say "$*"; exit 1; }

"$here/ensure-engine.sh" || exit $?

tag=$(cat "$recipe/packages" "$recipe/setup.sh" | sha256sum | cut -c1-12)
image="sockspec-runtime:$tag"

if docker image inspect "$image" >/dev/null 2>&1; then
  echo "$image"
  exit 0
fi

if [ "$mode" = dockerfile ]; then
  say "building $image from runtime/Dockerfile (needs a registry for its base image)..."
  docker build -q -t "$image" --label org.sockspec.recipe="$tag" "$recipe" >&2 \
    || fail "docker build of runtime/Dockerfile failed (see above)."
  echo "$image"
  exit 0
fi

[ "$(id -u)" = 0 ] || fail "building $image offline needs root (debootstrap). As another user, run
  scripts/ensure-image.sh --dockerfile   (needs a registry), or ask root to run this script once."

if ! command -v debootstrap >/dev/null 2>&1; then
  say "installing debootstrap (one time)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq debootstrap >/tmp/sockspec-apt.log 2>&1 \
    || { apt-get update -qq >>/tmp/sockspec-apt.log 2>&1 \
         && apt-get install -y -qq debootstrap >>/tmp/sockspec-apt.log 2>&1; } \
    || fail "'apt-get install debootstrap' failed; see /tmp/sockspec-apt.log."
fi

packages=$(grep -v '^#' "$recipe/packages" | grep . | paste -sd, -)
rootfs=$(mktemp -d /tmp/sockspec-rootfs.XXXXXX)
trap 'rm -rf "$rootfs"' EXIT
say "building $image offline: debootstrap bookworm with $packages (one time, about a minute)..."
start=$SECONDS
debootstrap --variant=minbase --include="$packages" bookworm "$rootfs" >/tmp/sockspec-debootstrap.log 2>&1 \
  || fail "debootstrap failed; see /tmp/sockspec-debootstrap.log."
cp "$recipe/setup.sh" "$rootfs/tmp/setup.sh"
chroot "$rootfs" /bin/sh /tmp/setup.sh && rm "$rootfs/tmp/setup.sh"
tar -C "$rootfs" -c . | docker import --change 'CMD ["/bin/sh"]' \
  --message "sockspec runtime, recipe $tag" - "$image" >/dev/null \
  || fail "docker import of the built root file system failed."
say "built $image in $((SECONDS - start)) s."
echo "$image"
