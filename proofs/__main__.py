r"""``python -m proofs``: the smoothcheck command line."""

import sys

from proofs.cli import main

sys.exit(main())
