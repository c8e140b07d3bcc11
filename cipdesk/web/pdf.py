"""The one way a view hands a PDF (built with documents.base) to the browser."""
from __future__ import annotations

from flask import make_response


def reponse_pdf(contenu: bytes, nom: str, *, en_ligne: bool = False):
    """`en_ligne`: shown in the browser (a sheet to print) rather than downloaded."""
    reponse = make_response(contenu)
    reponse.headers["Content-Type"] = "application/pdf"
    reponse.headers["Content-Disposition"] = f'{"inline" if en_ligne else "attachment"}; filename="{nom}"'
    return reponse
