#!/usr/bin/env bash
# Builds an ASP.NET Core base image offline from this machine's .NET runtime and Debian packages, in the shape of
# mcr.microsoft.com/dotnet/aspnet (non-root user 'app' uid 1654, APP_UID, ASPNETCORE_HTTP_PORTS=8080), and
# pushes it to a registry. The public registries are unreachable here; the tests use this image instead.
#   eng/containers/base-image.sh REGISTRY [REPOSITORY:TAG]   (default dotnet/aspnet:10.0)
# Prints the pinned reference REGISTRY/REPOSITORY:TAG@sha256:DIGEST. The OCI layout is cached under
# artifacts/tmp/base-image/, keyed by the runtime version, so only the push is repeated.
set -euo pipefail
registry="${1:?usage: base-image.sh REGISTRY [REPOSITORY:TAG]}"
reference="${2:-dotnet/aspnet:10.0}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
runtime="$(ls "$dotnet_root/shared/Microsoft.AspNetCore.App" | sort -V | tail -1)"
cache="$root/artifacts/tmp/base-image/aspnet-$runtime"
layout="$cache/oci"

for tool in umoci skopeo apt-get dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (eng/ci/containers.sh)" >&2; exit 3; }
done

if [ ! -f "$cache/done" ]; then
  rm -rf "$cache"; mkdir -p "$cache/debs"
  rootfs="$cache/rootfs"
  (cd "$cache/debs" && apt-get download -qq -o APT::Sandbox::User=root libc6 libgcc-s1 libstdc++6 libicu72 libssl3 zlib1g tzdata ca-certificates >/dev/null)
  mkdir -p "$rootfs"
  for deb in "$cache"/debs/*.deb; do dpkg-deb -x "$deb" "$rootfs"; done
  mkdir -p "$rootfs"/{tmp,app,home/app,etc/ssl/certs,usr/bin,usr/share/dotnet}
  chmod 1777 "$rootfs/tmp"
  cp -L /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/" 2>/dev/null || true
  printf 'root:x:0:0:root:/root:/usr/sbin/nologin\napp:x:1654:1654:app:/home/app:/usr/sbin/nologin\n' > "$rootfs/etc/passwd"
  printf 'root:x:0:\napp:x:1654:\n' > "$rootfs/etc/group"
  chown 1654:1654 "$rootfs/home/app" 2>/dev/null || true
  cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$rootfs/usr/share/dotnet/"
  mkdir -p "$rootfs/usr/share/dotnet/shared"
  for framework in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
    version="$(ls "$dotnet_root/shared/$framework" | sort -V | tail -1)"
    mkdir -p "$rootfs/usr/share/dotnet/shared/$framework"
    cp -a "$dotnet_root/shared/$framework/$version" "$rootfs/usr/share/dotnet/shared/$framework/"
  done
  ln -sf /usr/share/dotnet/dotnet "$rootfs/usr/bin/dotnet"

  umoci init --layout "$layout" >/dev/null
  umoci new --image "$layout:base"
  # A fixed history/creation time keeps the image (and so its digest) the same on every machine.
  umoci insert --rootless --image "$layout:base" --history.created 2000-01-01T00:00:00Z "$rootfs" / >/dev/null 2>&1 \
    || umoci insert --image "$layout:base" --history.created 2000-01-01T00:00:00Z "$rootfs" / >/dev/null
  umoci config --image "$layout:base" --created 2000-01-01T00:00:00Z --history.created 2000-01-01T00:00:00Z \
    --config.env "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --config.env "APP_UID=1654" \
    --config.env "ASPNETCORE_HTTP_PORTS=8080" \
    --config.env "DOTNET_RUNNING_IN_CONTAINER=true" \
    --config.env "DOTNET_VERSION=$runtime" \
    --config.env "ASPNET_VERSION=$runtime" \
    --os linux --architecture amd64
  rm -rf "$rootfs" "$cache/debs"
  touch "$cache/done"
fi

skopeo copy -q --dest-tls-verify=false "oci:$layout:base" "docker://$registry/$reference" >&2
digest="$(skopeo inspect --tls-verify=false --format '{{.Digest}}' "docker://$registry/$reference")"
echo "$registry/$reference@$digest"
