"""The thin Qt layer: media widget, question widgets, candidate, proctor and preview windows."""
