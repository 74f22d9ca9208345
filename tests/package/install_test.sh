#!/usr/bin/env bash
# The Debian package as a user gets it: builds the .deb (CPack), checks it and its desktop files with
# desktop-file-validate, appstreamcli and lintian (no errors, no warnings), installs it with apt into a clean
# Debian 12 root made by debootstrap, and runs renkou-cli and the app (under Xvfb) from the installed paths.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR. Needs root (debootstrap, chroot) and Debian's package mirror
# (RENKOU_DEBIAN_MIRROR, default http://deb.debian.org/debian); exits 77 (skipped) without root.
set -euo pipefail
build=$(realpath "$1")
src=$(realpath "$2")
mirror=${RENKOU_DEBIAN_MIRROR:-http://deb.debian.org/debian}

if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: installing into a Debian root needs root (debootstrap and chroot)"
  exit 77
fi
fail() { echo "FAIL: $*" >&2; exit 1; }

echo "== the package"
rm -f "$build"/renkou_*.deb
cmake --build "$build" --target package >/dev/null
deb=$(ls "$build"/renkou_*.deb)
dpkg-deb -c "$deb" | awk '{print $6}' > "$build/package-files.txt"
for f in ./usr/bin/renkou ./usr/bin/renkou-cli ./usr/share/renkou/data/sources.csv ./usr/share/renkou/data/regions.csv \
         ./usr/share/applications/io.github.renkou.Renkou.desktop ./usr/share/metainfo/io.github.renkou.Renkou.metainfo.xml \
         ./usr/share/mime/packages/io.github.renkou.Renkou.xml \
         ./usr/share/icons/hicolor/scalable/apps/io.github.renkou.Renkou.svg \
         ./usr/share/icons/hicolor/48x48/apps/io.github.renkou.Renkou.png \
         ./usr/share/icons/hicolor/256x256/apps/io.github.renkou.Renkou.png \
         ./usr/share/man/man1/renkou.1.gz ./usr/share/man/man1/renkou-cli.1.gz ./usr/share/doc/renkou/copyright; do
  grep -qxF "$f" "$build/package-files.txt" || fail "$deb has no $f"
done

echo "== man pages name every command and option of renkou-cli --help"
cli="$build/app/renkou-cli"
man="$src/packaging/man/renkou-cli.1"
commands=$("$cli" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
[ -n "$commands" ] || fail "renkou-cli --help lists no commands"
for c in $commands; do
  grep -qx ".B $c" "$man" || fail "renkou-cli.1 does not describe the command $c"
  for o in $("$cli" "$c" --help 2>/dev/null | grep -o '^  \(-., \)\?--[a-z-]*' | grep -o -- '--[a-z-]*'); do
    [ "$o" = --help ] && continue
    grep -qF -- "$(echo "$o" | sed 's/-/\\-/g')" "$man" || fail "renkou-cli.1 does not name $c $o"
  done
done
app_options=$(env -u DISPLAY -u WAYLAND_DISPLAY LANG=C "$build/app/renkou" --help | grep -o '^  \(-., \)\?--[a-z-]*' | grep -o -- '--[a-z-]*')
echo "$app_options" | grep -qx -- --data || fail "renkou --help without a display does not list --data"
for o in $app_options; do
  grep -qF -- "$(echo "$o" | sed 's/-/\\-/g')" "$src/packaging/man/renkou.1" || fail "renkou.1 does not name $o"
done
examples=$(sed -n '/^\.SH EXAMPLES/,/^\.fi/p' "$man" | grep '^renkou' | sed 's/\\-/-/g')
[ -n "$examples" ] || fail "renkou-cli.1 has no examples"
(cd "$(mktemp -d "$build/man-examples.XXXXXX")" && while read -r line; do
   eval "\"$cli\" ${line#renkou-cli }" > /dev/null 2>&1 || fail "the man page's example fails: $line"
 done <<< "$examples")

echo "== validators"
desktop-file-validate "$src/packaging/linux/io.github.renkou.Renkou.desktop" | grep -v ': hint: ' || true
desktop-file-validate "$src/packaging/linux/io.github.renkou.Renkou.desktop" | grep -q ': error: ' && fail "desktop-file-validate"
appstreamcli validate --no-net "$src/packaging/linux/io.github.renkou.Renkou.metainfo.xml" || fail "appstreamcli validate"
lintian --fail-on error,warning "$deb" || fail "lintian reports errors or warnings (see above)"

echo "== a clean Debian 12 root"
root=$(mktemp -d "$build/debian-root.XXXXXX")
chmod 755 "$root"
cleanup() {
  # Never follow a mount out of the root: unmount /proc (lazily if busy), and stay on this file system.
  if mountpoint -q "$root/proc"; then umount "$root/proc" || umount -l "$root/proc"; fi
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT
debootstrap --variant=minbase bookworm "$root" "$mirror" > "$build/debootstrap.log" 2>&1 \
  || { tail -20 "$build/debootstrap.log"; fail "debootstrap from $mirror"; }
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/renkou.deb"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root DEBIAN_FRONTEND=noninteractive "$@"; }
in_root apt-get update -q > /dev/null
# The package with what it depends on, and what a desktop would have: Xvfb to show it, the MIME and menu databases.
in_root apt-get install -y -q --no-install-recommends /tmp/renkou.deb xvfb xauth shared-mime-info desktop-file-utils \
  > "$build/apt-install.log" 2>&1 || { tail -30 "$build/apt-install.log"; fail "apt-get install renkou.deb"; }

echo "== installed programs"
in_root sh -c 'command -v renkou && command -v renkou-cli' | grep -qx /usr/bin/renkou-cli || fail "renkou-cli not on PATH"
table=$(in_root renkou-cli table --year 2024 2>/dev/null)
echo "$table" | head -3
echo "$table" | head -1 | grep -q '^code,name_zh,name_en,year,value,unit,source,flag,note,rank,from_year$' || fail "renkou-cli table header"
echo "$table" | grep -q '^440000,广东省,Guangdong,2024,[0-9]' || fail "renkou-cli table has no value for Guangdong 2024"
in_root renkou-cli map --lang zh --year 2024 --out /tmp/map.pdf > /dev/null 2>&1 || fail "renkou-cli map in the root"
[ -s "$root/tmp/map.pdf" ] || fail "no map.pdf"
for lang in C.UTF-8 zh_CN.UTF-8; do
  out=$(in_root env LANG=$lang timeout 120 xvfb-run -a renkou --benchmark-first-paint 2>&1) || { echo "$out"; fail "the app under Xvfb ($lang)"; }
  echo "$out" | grep -q '^first-paint-ms [0-9]' || { echo "$out"; fail "the app painted no map ($lang)"; }
  echo "app ($lang): $(echo "$out" | grep first-paint-ms)"
done
grep -q 'application/x-renkou-view.*\*\.renkou\|\*\.renkou' "$root/usr/share/mime/globs2" || fail "*.renkou is not a known MIME type"
grep -q 'application/x-renkou-view=io.github.renkou.Renkou.desktop' "$root/usr/share/applications/mimeinfo.cache" \
  || fail "the desktop entry does not open application/x-renkou-view"
echo "PASS"
