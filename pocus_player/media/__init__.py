"""The media layer around libvlc (no widget code here)."""
