"""geoevents: map conflict events from news reports about Iraq and Syria, offline."""

__version__ = "0.1.0"
