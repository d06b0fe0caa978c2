"""The package's version: the C library's version it bundles."""
__version__ = "1.1.0"
