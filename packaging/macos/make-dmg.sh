#!/usr/bin/env bash
# Makes the disk image: the app and a link to /Applications.
#   packaging/macos/make-dmg.sh dist/pocus-player.app dist/pocus-player-arm64.dmg
set -euo pipefail
APP="$1"
DMG="$2"
STAGE="$(mktemp -d)"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname pocus-player -srcfolder "$STAGE" -ov -format UDZO "$DMG"
rm -rf "$STAGE"
