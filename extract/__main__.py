"""`python -m extract`: the same as the `claimboard` command."""
import sys

from .cli import main

sys.exit(main())
