"""Marsad's runtime: settings, the pure pipeline, the Faust app and agents, the CLI."""
