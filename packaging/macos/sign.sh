#!/usr/bin/env bash
# Signs the macOS app inside-out with the hardened runtime (no --deep): every dylib and .so,
# the VLC plugins included, then the executable, then the app. Needs MACOS_CERT_BASE64,
# MACOS_CERT_PASSWORD and MACOS_SIGN_IDENTITY (a Developer ID Application identity).
#   packaging/macos/sign.sh dist/pocus-player.app
set -euo pipefail
APP="$1"
KEYCHAIN="$RUNNER_TEMP/signing.keychain-db"
KEYCHAIN_PASSWORD="$(uuidgen)"
echo "$MACOS_CERT_BASE64" | base64 --decode > "$RUNNER_TEMP/cert.p12"
security create-keychain -p "$KEYCHAIN_PASSWORD" "$KEYCHAIN"
security set-keychain-settings -lut 21600 "$KEYCHAIN"
security unlock-keychain -p "$KEYCHAIN_PASSWORD" "$KEYCHAIN"
security import "$RUNNER_TEMP/cert.p12" -P "$MACOS_CERT_PASSWORD" -A -t cert -f pkcs12 -k "$KEYCHAIN"
security list-keychain -d user -s "$KEYCHAIN"
security set-key-partition-list -S apple-tool:,apple: -k "$KEYCHAIN_PASSWORD" "$KEYCHAIN" > /dev/null

sign() { codesign --force --timestamp --options runtime --sign "$MACOS_SIGN_IDENTITY" "$@"; }
# Libraries first (deepest paths first), then the executable, then the bundle.
find "$APP/Contents" -type f \( -name "*.dylib" -o -name "*.so" \) -print0 \
  | xargs -0 -n 1 -I{} bash -c 'echo "{}"' | awk '{ print length, $0 }' | sort -rn | cut -d" " -f2- \
  | while IFS= read -r lib; do sign "$lib"; done
find "$APP/Contents/Frameworks" -type d -name "*.framework" -print0 | while IFS= read -r -d "" fw; do sign "$fw"; done
sign "$APP/Contents/MacOS/pocus-player"
sign "$APP"
codesign --verify --strict --verbose=2 "$APP"
