"""Scoring extraction against gold corpora: reading them, matching events, printing the figures."""
