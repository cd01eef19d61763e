"""Events in and out of files: imports (validated fast, idempotent, crash-safe) and exports."""
