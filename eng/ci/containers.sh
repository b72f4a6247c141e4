#!/usr/bin/env bash
# Installs what the container end-to-end tests stand on: an OCI registry (CNCF distribution), skopeo to copy
# and inspect images, umoci to unpack them and runc to run them. Idempotent: installs only what is missing.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../apt.sh"
packages=(docker-registry skopeo umoci runc)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# eng/containers/base-image.sh downloads Debian packages for the test base image: it needs package lists too.
if [ ${#missing[@]} -gt 0 ] || ! ls /var/lib/apt/lists/*_Packages >/dev/null 2>&1; then
  apt_get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  apt_get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The packaged service listens on :5000 with htpasswd; the tests start their own on loopback instead.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet docker-registry 2>/dev/null; then
  systemctl stop docker-registry || true
fi
for tool in docker-registry skopeo umoci runc; do command -v "$tool" >/dev/null; done
echo "containers: docker-registry, skopeo, umoci and runc are installed"
