#!/usr/bin/env bash
# Builds the self-contained app: dist/pocus-player/ (PyInstaller --onedir, with its own libvlc,
# plugins and plugin cache), dist/pocus-player-VERSION-linux-ARCH.tar.gz and, with --deb, a
# Debian package. Needs the venv that scripts/setup-debian.sh makes (PyInstaller comes with
# the `test` extra) and, on Linux, libvlc-bin for vlc-cache-gen.
#
#   scripts/build-app.sh [--deb]
set -euo pipefail
cd "$(dirname "$0")/.."

PY="${PYTHON:-.venv/bin/python}"
DEB=0
for arg in "$@"; do
  case "$arg" in
    --deb) DEB=1 ;;
    *) echo "usage: scripts/build-app.sh [--deb]" >&2; exit 2 ;;
  esac
done

VERSION="$("$PY" -c 'import pocus_player; print(pocus_player.__version__)')"
ARCH="$(uname -m)"
APP=dist/pocus-player
VLC="$APP/_internal/vlc"

echo "== PyInstaller"
rm -rf "$APP"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/pocus-player.spec

echo "== third-party notices"
"$PY" scripts/third-party-notices.py "$APP"

case "$(uname -s)" in
  Linux)
    PLUGINS="$VLC/lib/vlc/plugins"
    CACHE_GEN="${VLC_CACHE_GEN:-$(ls /usr/lib/*/vlc/vlc-cache-gen 2>/dev/null | head -n 1)}"
    if [ -z "$CACHE_GEN" ] || [ ! -x "$CACHE_GEN" ]; then
      echo "vlc-cache-gen not found (Debian: apt-get install libvlc-bin)" >&2
      exit 1
    fi
    # The cache is keyed by each plugin's path, size and mtime: fix the mtimes, then make it,
    # last, so nothing changes a plugin after it (the tarball and the .deb keep mtimes).
    find "$PLUGINS" -type f -exec touch -d "@${SOURCE_DATE_EPOCH:-1700000000}" {} +
    "$CACHE_GEN" "$PLUGINS"
    test -s "$PLUGINS/plugins.dat"
    ;;
esac

echo "== checking the bundle"
"$PY" scripts/check-bundle.py "$APP"

echo "== archives"
TARBALL="dist/pocus-player-$VERSION-linux-$ARCH.tar.gz"
tar -C dist -cf - pocus-player | gzip -6 > "$TARBALL"
echo "$TARBALL: $(du -sh "$TARBALL" | cut -f1) (folder: $(du -sh "$APP" | cut -f1))"

if [ "$DEB" -eq 1 ]; then
  ROOT=build/deb
  rm -rf "$ROOT"
  mkdir -p "$ROOT/DEBIAN" "$ROOT/opt" "$ROOT/usr/bin"
  cp -a "$APP" "$ROOT/opt/pocus-player"
  ln -s /opt/pocus-player/pocus-player "$ROOT/usr/bin/pocus-player"
  case "$ARCH" in x86_64) DEBARCH=amd64 ;; aarch64) DEBARCH=arm64 ;; *) DEBARCH="$ARCH" ;; esac
  cat > "$ROOT/DEBIAN/control" <<EOF
Package: pocus-player
Version: $VERSION
Architecture: $DEBARCH
Maintainer: pocus-player maintainers <noreply@invalid>
Section: education
Priority: optional
Depends: libc6 (>= 2.36), libgl1, libegl1, libfontconfig1, libxkbcommon-x11-0, libxcb-cursor0
Description: POCUS certification exam player (self-contained, with its own libvlc)
 Interactive point-of-care ultrasound case assessments. Run "pocus-player selftest"
 to check a seat before an exam.
EOF
  dpkg-deb --root-owner-group -Zgzip -z6 --build "$ROOT" "dist/pocus-player_${VERSION}_${DEBARCH}.deb"
fi
