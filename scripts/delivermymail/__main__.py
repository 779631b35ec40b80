"""`python -m delivermymail …` is the same as the `dmm` command."""
import sys

from .cli import main

sys.exit(main())
