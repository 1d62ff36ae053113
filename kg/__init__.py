"""kg: a knowledge graph of people, papers and organisations from a biography article.

The library does the work; ``kg.cli`` is a thin command line over it. Importing ``kg``
is cheap: spaCy loads only when something is extracted.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
