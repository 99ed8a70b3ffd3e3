"""pocus-player: interactive point-of-care ultrasound case assessments."""

__version__ = "0.1.0"
