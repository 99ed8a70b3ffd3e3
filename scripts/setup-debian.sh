#!/usr/bin/env bash
# Installs pocus-player and everything its tests need on Debian 12 / Ubuntu 22.04+:
# libvlc 3 with its plugins, Qt's xcb platform libraries, Xvfb, ffmpeg and age, then the
# package itself (a regular, non-editable install) into ./.venv.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

PACKAGES=(
  # libvlc: libvlc5 is not pulled in by the plugins; without vlc-plugin-video-output there is
  # no X11 video output and nothing visibly errors.
  libvlc5 vlc-plugin-base vlc-plugin-video-output
  # vlc-cache-gen, for the frozen build's plugin cache.
  libvlc-bin
  # Qt 6's xcb platform plugin.
  libxcb-icccm4 libxcb-cursor0 libxkbcommon-x11-0 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core
  # Tests: a virtual X server, ffmpeg/ffprobe for test clips, the age CLI for interop,
  # chattr (e2fsprogs) for a read-only folder that even root cannot write to.
  xvfb xauth ffmpeg age e2fsprogs
  # The screen-reader test drives the application from outside over AT-SPI: the
  # accessibility bus (at-spi2-core), pyatspi for Debian's /usr/bin/python3 (not the venv),
  # and dbus-run-session for a session bus of the test's own.
  at-spi2-core python3-pyatspi dbus-daemon
  # The board's HTML report is checked in headless Chromium (render, print to PDF).
  chromium
  python3-venv python3-pip
)

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q '.[test]'
echo "pocus-player installed in .venv: run .venv/bin/pocus-player"
