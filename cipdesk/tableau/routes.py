"""The tableau de bord du chef de service (issue #17): the team's figures over a period with
the filters in the URL, the list behind each figure, and the exports of each table."""
from __future__ import annotations

from flask import Blueprint, abort, make_response, request
from flask_login import current_user

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.tableau import queries, rules, tableaux
from cipdesk.web.rendu import rendre

bp = Blueprint("tableau", __name__, url_prefix="/tableau-de-bord")

TYPES = {"csv": "text/csv; charset=utf-8",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _contexte():
    """Guard, then the context with the URL's filters checked against the chef's own lists."""
    policy.exiger(policy.peut_voir_tableau_de_bord(current_user))
    ctx = queries.contexte(db.session, current_user, aujourdhui())
    choix = queries.choix_des_filtres(db.session, current_user, ctx)
    ctx.filtres, erreurs = rules.lire_filtres(request.args, aujourdhui(),
                                              choix={k: set(v) for k, v in choix.items()})
    return ctx, {e.champ: e.message for e in erreurs}, choix


def _indicateur(code: str) -> queries.Indicateur:
    if code not in queries.INDICATEURS:
        abort(404)
    return queries.INDICATEURS[code]


@bp.get("/")
def index():
    ctx, erreurs, choix = _contexte()
    chiffres = {} if erreurs else queries.tableau_de_bord(db.session, ctx)
    return rendre("tableau/index.html", fragment="tableau/_resultats.html", ctx=ctx, erreurs=erreurs,
                  choix=choix, chiffres=chiffres, sections=queries.SECTIONS, colonnes=tableaux.colonnes,
                  barres=rules.barres, financeurs=rules.FINANCEURS, statut=422 if erreurs else 200)


@bp.get("/indicateurs/<code>/<cle>")
def detail(code: str, cle: str):
    ind = _indicateur(code)
    ctx, erreurs, choix = _contexte()
    if erreurs:
        abort(404)
    trouve = queries.detail(db.session, ctx, ind, cle)
    if trouve is None:
        abort(404)
    ligne, elements = trouve
    return rendre("tableau/detail.html", ctx=ctx, ind=ind, ligne=ligne, elements=elements, choix=choix)


def _fichier(contenu: bytes, nom: str, format_: str):
    reponse = make_response(contenu)
    reponse.headers["Content-Type"] = TYPES[format_]
    reponse.headers["Content-Disposition"] = f'attachment; filename="{nom}.{format_}"'
    reponse.headers["Cache-Control"] = "no-store"
    return reponse


@bp.get("/indicateurs/<code>.<any(csv, xlsx):format_>")
def export(code: str, format_: str):
    """One indicator's table (figures only, no person)."""
    ind = _indicateur(code)
    ctx, erreurs, _choix = _contexte()
    if erreurs:
        abort(404)
    entetes, lignes = tableaux.lignes_du_tableau(queries.chiffres(db.session, ctx, ind), ctx)
    nom = f"{ind.code}_{ctx.filtres.debut:%Y%m%d}_{ctx.filtres.fin:%Y%m%d}"
    if format_ == "csv":
        return _fichier(tableaux.en_csv(entetes, lignes), nom, format_)
    return _fichier(tableaux.en_xlsx(ind.titre, entetes, lignes, structure=current_user.structure), nom, format_)


@bp.get("/indicateurs/<code>/<cle>.<any(csv, xlsx):format_>")
def export_detail(code: str, cle: str, format_: str):
    """The list behind a figure: names, dates and numbers (never a note); the export of
    people's names is journalled."""
    ind = _indicateur(code)
    ctx, erreurs, _choix = _contexte()
    trouve = None if erreurs else queries.detail(db.session, ctx, ind, cle)
    if trouve is None:
        abort(404)
    ligne, elements = trouve
    entetes = ["Nom", "Prénom", "Référent·e", "Date"] + ([f"Jours"] if ind.delai else [])
    lignes = [[e.nom, e.prenom, e.referent, e.le] + ([e.valeur] if ind.delai else []) for e in elements]
    journaliser(db.session, acteur=current_user, action=Action.EXPORT, objet_type="tableau_de_bord",
                objet_id=f"{code}/{cle}", details={"lignes": len(lignes), "format": format_})
    nom = f"{ind.code}_{cle.replace(':', '_')}_{ctx.filtres.debut:%Y%m%d}_{ctx.filtres.fin:%Y%m%d}"
    if format_ == "csv":
        return _fichier(tableaux.en_csv(entetes, lignes), nom, format_)
    return _fichier(tableaux.en_xlsx(f"{ind.titre} — {ligne.libelle}", entetes, lignes,
                                     structure=current_user.structure), nom, format_)
