"""The tableau de bord du chef de service (issue #17): the team's figures over a period with
the filters in the URL, the list behind each figure, and the exports of each table."""
from __future__ import annotations

from flask import Blueprint, abort, make_response, request, url_for
from flask_login import current_user

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.personnes.models import Personne
from cipdesk.referentiel import CODES_COMPETENCES
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.tableau import fse, pdf, queries, rules, services, tableaux
from cipdesk.tableau.forms import ReaffectationForm
from cipdesk.web.formulaires import avec_vide, rediriger, soumettre
from cipdesk.web.pdf import reponse_pdf
from cipdesk.web.rendu import rendre

bp = Blueprint("tableau", __name__, url_prefix="/tableau-de-bord")

TYPES = {"csv": "text/csv; charset=utf-8", "pdf": "application/pdf",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _contexte():
    """Guard, then the context with the URL's filters checked against the chef's own lists."""
    policy.exiger(policy.peut(current_user, "tableau.voir"))
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
    """One section of the dashboard at a time (`?section=…`, the first by default), its
    indicators only; the tabs lead to the others with the same filters."""
    ctx, erreurs, choix = _contexte()
    section = queries.onglet(request.args.get("section"))
    if section is None:
        abort(404)
    chiffres = {} if erreurs else queries.tableau_de_bord(db.session, ctx, section[2])
    htmx = bool(request.headers.get("HX-Request"))
    premiere = section == queries.ONGLETS[0]
    candidats = [] if htmx or not premiere else queries.candidats_de_l_equipe(db.session, current_user)
    alertes_charge = [] if htmx else queries.alertes_de_charge_ouvertes(db.session, current_user)
    return rendre("tableau/index.html", fragment="tableau/_resultats.html", ctx=ctx, erreurs=erreurs,
                  candidats=candidats, alertes_charge=alertes_charge, nombre_cp=sum(1 for c in CODES_COMPETENCES if c.startswith("CP")),
                  choix=choix, chiffres=chiffres, onglets=queries.ONGLETS, section=section, colonnes=tableaux.colonnes,
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
    entetes = ["Nom", "Prénom", "Référent·e", "Date"] + ([ind.libelle_valeur.capitalize()] if ind.delai else [])
    lignes = [[e.nom or ind.objet, e.prenom or "", e.referent, e.le] + ([e.valeur] if ind.delai else [])
              for e in elements]
    journaliser(db.session, acteur=current_user, action=Action.EXPORT, objet_type="tableau_de_bord",
                objet_id=f"{code}/{cle}", details={"lignes": len(lignes), "format": format_})
    nom = f"{ind.code}_{cle.replace(':', '_')}_{ctx.filtres.debut:%Y%m%d}_{ctx.filtres.fin:%Y%m%d}"
    if format_ == "csv":
        return _fichier(tableaux.en_csv(entetes, lignes), nom, format_)
    return _fichier(tableaux.en_xlsx(f"{ind.titre} — {ligne.libelle}", entetes, lignes,
                                     structure=current_user.structure), nom, format_)


# -- caseload balance (point 7) ---------------------------------------------------------------
@bp.get("/portefeuilles")
def portefeuilles():
    policy.exiger(policy.peut(current_user, "tableau.voir"))
    # no filter on this page: the team and the norm, not the dispositifs list; each conseiller's
    # caseload read with the team (one query)
    ctx = queries.contexte(db.session, current_user, aujourdhui(), dispositifs=False, files_actives=True)
    return rendre("tableau/portefeuilles.html", ctx=ctx, lignes=queries.portefeuilles(db.session, ctx),
                  sans_referent=queries.sans_referent(db.session, current_user.structure_id),
                  limite=queries.LIMITE_SANS_REFERENT)


def _personne_a_reaffecter(personne_id):
    """Another structure's person is not found; one outside the chef's team (with a référent)
    is forbidden. The chef sees only the name here: nothing of the person's records."""
    personne = db.session.get(Personne, personne_id)
    if personne is None or not policy.meme_structure(current_user, personne):
        raise policy.Introuvable()
    policy.exiger(policy.peut(current_user, "tableau.voir") and current_user.equipe_id is not None and (
        personne.referent_id is None or queries.equipe_de(db.session, personne.referent_id) == current_user.equipe_id))
    return personne


@bp.route("/portefeuilles/<uuid:personne_id>", methods=["GET", "POST"])
def reaffecter(personne_id):
    personne = _personne_a_reaffecter(personne_id)
    ctx = queries.contexte(db.session, current_user, aujourdhui(), dispositifs=False)
    form = ReaffectationForm()
    form.conseiller.choices = avec_vide((str(i), n) for i, n in ctx.conseillers.items()
                                        if i != personne.referent_id)

    def service():
        nouveau = next((db.session.get(Utilisateur, i) for i in ctx.conseillers if str(i) == form.conseiller.data),
                       None)
        if nouveau is not None and not policy.peut_reaffecter(
                current_user, personne, equipe_du_referent=queries.equipe_de(db.session, personne.referent_id),
                equipe_du_nouveau=nouveau.equipe_id, nouveau=nouveau):
            nouveau = None
        return services.reaffecter(db.session, personne, nouveau=nouveau, motif=form.motif.data or "",
                                   par=current_user, le=aujourdhui())

    soumission = soumettre(form, service)
    if soumission:
        return rediriger(url_for("tableau.portefeuilles"),
                         f"{personne.nom_complet} est maintenant suivi·e par {ctx.conseillers[personne.referent_id]}.")
    referent = ctx.conseillers.get(personne.referent_id) if personne.referent_id else None
    return rendre("tableau/reaffecter.html", personne=personne, referent=referent, form=form,
                  statut=soumission.statut)


# -- funders' reports (point 6) -------------------------------------------------------------------
def _bilan():
    ctx, erreurs, choix = _contexte()
    if erreurs:
        return ctx, erreurs, choix, None
    participants = queries.participants_fse(db.session, ctx)
    motifs, iae = queries.sorties_plie_et_iae(db.session, ctx)
    bilan = {"participants": participants, "fse": fse.tableau_fse(participants),
             "incomplets": fse.completude(participants), "plie": fse.sorties_plie(motifs), "iae": iae}
    return ctx, erreurs, choix, bilan


def _libelles_filtres(ctx, choix) -> list[tuple[str, str]]:
    f = ctx.filtres
    noms = {"equipe": "Équipe", "conseiller": "Conseiller·ère", "dispositif": "Dispositif", "financeur": "Financeur",
            "public": "Public"}
    return [(titre, choix[c].get(getattr(f, c), getattr(f, c))) for c, titre in noms.items() if getattr(f, c)]


@bp.get("/financeurs")
def financeurs():
    ctx, erreurs, choix, bilan = _bilan()
    return rendre("tableau/financeurs.html", ctx=ctx, erreurs=erreurs, choix=choix, bilan=bilan, sexes=fse.SEXES,
                  incomplets=fse.lignes_incompletes(bilan["incomplets"]) if bilan else [],
                  statut=422 if erreurs else 200)


@bp.get("/financeurs.<any(xlsx, pdf):format_>")
def financeurs_export(format_: str):
    ctx, erreurs, choix, bilan = _bilan()
    if erreurs:
        abort(404)
    f = ctx.filtres
    nom = f"bilan_financeurs_{f.debut:%Y%m%d}_{f.fin:%Y%m%d}"
    if format_ == "pdf":
        return reponse_pdf(pdf.bilan_financeurs(structure=current_user.structure, filtres=f,
                                                libelles_filtres=_libelles_filtres(ctx, choix), fse=bilan["fse"],
                                                incomplets=len(bilan["incomplets"]), plie=bilan["plie"],
                                                iae=bilan["iae"]), f"{nom}.pdf")
    entetes = ["Rubrique", "Indicateur", "Femmes", "Hommes", "Sexe non renseigné", "Total", "Du", "Au"]
    lignes = [[l.section, l.libelle, *[l.par_sexe.get(s, 0) for s, _l in fse.SEXES], l.total, f.debut, f.fin]
              for l in bilan["fse"]]
    lignes.append(["Complétude", "Participants aux données incomplètes", None, None, None, len(bilan["incomplets"]),
                   f.debut, f.fin])
    lignes += [["Sorties (PLIE)", l, None, None, None, n, f.debut, f.fin] for _c, l, n in bilan["plie"]]
    lignes += [["Sorties (IAE)", l.libelle, None, None, None, l.nombre, f.debut, f.fin]
               for l in bilan["iae"].lignes + bilan["iae"].groupes]
    return _fichier(tableaux.en_xlsx("Bilan pour les financeurs", entetes, lignes, structure=current_user.structure),
                    nom, format_)
