"""Evaluation harnesses: score Marsad components against labelled external data."""
