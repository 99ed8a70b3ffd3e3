"""The demo media generators, one module per kind; `python assets/make_demo_media.py` runs them all.

Every random field comes from a fixed seed and every encoder runs bit-exact and
single-threaded, so re-running reproduces the same bytes on the same tool
versions. The anatomy is drawn from polygons and ellipses in image pixels, and
the very same shapes are written to manifest.json, so hotspot regions and
caliper endpoints match what is on screen exactly.

    common     running encoders, writing PNGs, probing the results
    drawing    shapes, probe fields (sector, linear), speckle, text, scenes
    abdomen    the FAST views (RUQ, LUQ, pelvis), breathing
    heart      subxiphoid cines, normal and with an effusion
    lung       A- and B-line loops, M-mode strips
    ivc        the IVC still to measure
    speech     narration and dialogue (espeak-ng), WAV and WebVTT
    encounter  the patient-encounter video and its monitor
    checks     drawn regions are where the manifest says
    build      one generator per case and kind, and the manifest
"""
