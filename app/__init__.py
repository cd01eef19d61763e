"""geoevents: map conflict events from news reports about Iraq and Syria, offline."""
