"""Thin shim so that ``python cli.py ...`` works from a checkout; the CLI is ``kg.cli``."""

from kg.cli import main

if __name__ == "__main__":
    main()
