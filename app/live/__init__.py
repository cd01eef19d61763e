"""Live features: the change feed's notifier, the push stream, feeds, webhooks, and the one
background runner (with a database lease) that polls and delivers."""
