"""The Qt-free, VLC-free domain core: case model, loader, captions, engine, journal."""
