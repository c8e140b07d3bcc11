"""Pages of the spreadsheets (issue #19): the lists one may export, and the exports themselves.
The lists come from the registry (`registre.exportables`): this module reads no other."""
from __future__ import annotations

import tempfile

from flask import Blueprint, abort, request, send_file
from flask_login import current_user

from cipdesk.core.contrat import registre
from cipdesk.core.dates import aujourdhui, maintenant
from cipdesk.core.db import db
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.tableur import ecriture
from cipdesk.web.rendu import rendre

bp = Blueprint("tableur", __name__, url_prefix="/tableur")

TYPES = {"csv": "text/csv; charset=utf-8",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


@bp.get("/")
def index():
    policy.exiger(policy.peut_exporter_listes(current_user))
    return rendre("tableur/index.html", exportables=registre.exportables(current_user),
                  importables=registre.importables(current_user))


@bp.get("/exports/<code>.<any(csv, xlsx):format_>")
def exporter(code: str, format_: str):
    """One list, in the reader's perimeter, with the filters of its page; journalled."""
    try:
        liste = registre.exportable(code)
    except KeyError:
        abort(404)
    policy.exiger(liste.visible(current_user))
    filtres = {cle: request.args.get(cle, "")[:100] for cle in liste.filtres if cle in request.args}
    lignes = liste.lignes(db.session, current_user, filtres, aujourdhui())
    # A temporary file on disk, not memory: the rows are written one at a time, then sent in
    # chunks by the server (send_file).
    fichier = tempfile.TemporaryFile(prefix="cipdesk-export-")
    if format_ == "xlsx":
        auteur = f"cipdesk — {current_user.structure.nom}" if current_user.structure else "cipdesk"
        n = ecriture.ecrire_xlsx(fichier, liste.titre, liste.colonnes, lignes, auteur=auteur)
    else:
        n = ecriture.ecrire_csv(fichier, liste.colonnes, lignes)
    fichier.seek(0)
    journaliser(db.session, acteur=current_user, action=Action.EXPORT, objet_type=f"liste:{code}",
                details={"lignes": n, "format": format_, "filtres": filtres})
    nom = f"{code}_{maintenant():%Y%m%d_%H%M}.{format_}"
    reponse = send_file(fichier, mimetype=TYPES[format_], as_attachment=True, download_name=nom, max_age=0)
    reponse.headers["Cache-Control"] = "no-store"
    return reponse
