"""The package's version, as installed; a source tree that was never installed says so.

May import: nothing of the package.
"""

from importlib.metadata import PackageNotFoundError, version

__all__ = ["__version__"]

try:
    __version__: str = version("chronoreconcile")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"
