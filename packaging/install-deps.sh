#!/usr/bin/env bash
# Installs the Debian 12 packages Renkou needs to build, test and run. Idempotent and non-interactive:
# it runs `apt-get update` once, and only when something is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  clang libclang-rt-14-dev llvm
  qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev qt6-l10n-tools qt6-tools-dev qt6-translations-l10n
  libgl-dev
  libgdal-dev gdal-bin
  libboost-dev
  libuchardet-dev
  libgif-dev
  libavcodec-dev libavformat-dev libavutil-dev libswscale-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  fonts-noto-cjk fonts-noto-core
  xvfb xauth
  poppler-utils
  file dpkg-dev librsvg2-bin debootstrap lintian desktop-file-utils appstream
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing missing packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
