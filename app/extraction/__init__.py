"""From report text to events: pure functions over the gazetteer and the actor dictionary."""
