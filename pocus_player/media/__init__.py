"""The media layer around libvlc (no widget code here)."""

from pocus_player.media import libvlc_location

# Before any module of this layer imports python-vlc: the installation's own libvlc, and
# no foreign plugin folders (see libvlc_location).
libvlc_location.require()
