import sys

from clerk.cli import main

sys.exit(main())
