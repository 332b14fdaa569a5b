#!/usr/bin/env python3
"""make.py: write the section pages of tests/links/section and their gold.

    python3 tests/links/section/make.py [--check]

Each page is written by hand in its outlet's style, as Python that emits
the HTML: every link goes through Page.h() (or Page.a()), which takes the
href as written and the writer's verdict on it, ART (a story of the
outlet: goes to the gold) or NAV (anything else).  The verdict is given
link by link as the page is written; nothing is guessed from the URL.
When a page is done, it is parsed back with html.parser and every <a
href> found is checked against the verdicts (so no link escapes them, and
no URL is said to be both), then the gold is written: the ART links,
resolved and in canonical form (docs/records.md, "Canonical URLs").

--check writes nothing and fails when a page, url or gold file on disk
differs from what would be written.  Python 3 standard library only.
"""

import sys

sys.dont_write_bytecode = True	# no __pycache__ in the tests folder

import bd  # noqa: E402
import en  # noqa: E402
import wb  # noqa: E402
from common import run  # noqa: E402

OUTLETS = [bd.prothomalo, bd.jugantor, bd.kalerkantho, bd.bdnews24,
           en.dailystar, en.dhakatribune, wb.anandabazar, wb.sangbadpratidin]

if __name__ == "__main__":
    sys.exit(run(OUTLETS, "--check" in sys.argv[1:]))
