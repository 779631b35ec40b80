"""Deliver My Mail: load, validate and publish the provider dataset.

The package is independent of the site engine: MkDocs only calls `generate.generate_site`
from its hook, so moving to another engine touches only the configuration.
"""
