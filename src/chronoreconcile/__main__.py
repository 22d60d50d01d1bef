"""``python -m chronoreconcile``: runs the command line of chronoreconcile.cli.

May import: cli only.
"""

import sys

from .cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
