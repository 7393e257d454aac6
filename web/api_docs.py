"""``/docs``: the interactive API docs (Swagger UI), served entirely by the service.

Swagger UI's script and styles come from the ``swagger-ui-py`` package (Swagger UI 5,
which reads FastAPI's OpenAPI 3.1; hash-pinned in requirements.lock) and are served
under ``/docs/assets/``; the page's start-up script is ``static/swagger-init.js``. So
the page works without internet, and its policy allows only the service itself
(Swagger UI sets inline styles, hence ``'unsafe-inline'`` for styles on this page alone).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse

from rogatory.errors import NotFoundError
from web.auth import SignedIn

ASSETS = ("swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png", "LICENSE")
_MEDIA = {".js": "text/javascript", ".css": "text/css", ".png": "image/png", "": "text/plain"}
DOCS_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'"
)
_PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Rogatory API</title>
  <link rel="icon" href="/docs/assets/favicon-32x32.png">
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui" data-openapi-url="/openapi.json"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/static/swagger-init.js"></script>
</body>
</html>
"""


def swagger_ui_folder() -> Path:
    """The folder of Swagger UI's files in the installed ``swagger-ui-py`` (not imported)."""
    spec = importlib.util.find_spec("swagger_ui")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("swagger-ui-py is not installed (make setup installs it)")
    return Path(next(iter(spec.submodule_search_locations))) / "static"


def add_docs(app: FastAPI) -> None:
    """Add ``/openapi.json``, ``/docs`` and ``/docs/assets/<file>`` (signed-in users)."""
    folder = swagger_ui_folder()

    @app.get("/openapi.json", include_in_schema=False)
    def openapi(principal: SignedIn) -> dict[str, Any]:
        return app.openapi()

    @app.get("/docs", include_in_schema=False)
    def docs(principal: SignedIn) -> HTMLResponse:
        return HTMLResponse(_PAGE, headers={"Content-Security-Policy": DOCS_POLICY})

    @app.get("/docs/assets/{name}", include_in_schema=False)
    def asset(name: str, principal: SignedIn) -> FileResponse:
        if name not in ASSETS:
            raise NotFoundError(f"no docs asset {name!r}")
        path = folder / name
        return FileResponse(path, media_type=_MEDIA[path.suffix], headers={"Cache-Control": "max-age=86400"})
