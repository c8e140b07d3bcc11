"""The one way a view hands a PDF (built with documents.base) to the browser."""
from __future__ import annotations

from flask import make_response


def reponse_pdf(contenu: bytes, nom: str):
    reponse = make_response(contenu)
    reponse.headers["Content-Type"] = "application/pdf"
    reponse.headers["Content-Disposition"] = f'attachment; filename="{nom}"'
    return reponse
