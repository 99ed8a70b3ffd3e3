"""Board-side tools: open, verify, rescore and export result files."""
