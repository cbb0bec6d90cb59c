"""``make serve``: MkDocs' dev server, set up for authors with a data file open.

- It looks for changes every 0.2 s (MkDocs itself looks every 0.5 s).
- A rebuild reuses what did not change: the theme's compiled templates, the plans of a
  method, the search entries of a page whose HTML is the same (mkdocs_hook.py).
- While a data file is broken, every page is an error page naming each problem, and an
  open tab reloads to the real page as soon as the file is fixed (mkdocs_hook.py).
- The terminal shows the problems, without the macros plugin's chatter.
"""

from __future__ import annotations

import os
import sys

SERVING = "INTERVISIEWIJZER_SERVE"


def main(argv: list[str] | None = None) -> None:
    os.environ[SERVING] = "1"
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    import mkdocs.commands.serve as serve
    from mkdocs.__main__ import cli
    from mkdocs.livereload import LiveReloadServer

    class QuickServer(LiveReloadServer):
        def __init__(self, *args, **kwargs):
            kwargs.setdefault("polling_interval", 0.2)
            super().__init__(*args, **kwargs)

    serve.LiveReloadServer = QuickServer
    cli(["serve", "--livereload", *(argv if argv is not None else sys.argv[1:])])


if __name__ == "__main__":
    main()
