"""Faust agents: thin adapters from topics to the pipeline. Discovered by the app at start-up."""
