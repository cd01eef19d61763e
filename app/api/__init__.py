"""HTTP layer: routes, dependencies, problem responses. Nothing imports this package."""
