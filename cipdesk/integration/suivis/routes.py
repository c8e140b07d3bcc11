"""Intégration follow-ups: open one by hand, the framework with the employer, its PDF."""
from __future__ import annotations

import re
import uuid
from datetime import date

from flask import Blueprint, abort, current_app, g, get_template_attribute, request, url_for
from flask_login import current_user
from markupsafe import Markup, escape

from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.employeurs.candidatures.models import Candidature
from cipdesk.employeurs.entreprises.models import Entreprise
from cipdesk.employeurs.immersions.models import Immersion
from cipdesk.integration.bilan import services as bilan_services
from cipdesk.integration.bilan.forms import BilanForm
from cipdesk.integration.bilan.rules import CATEGORIES, MOIS_APRES_SORTIE, categorie_proposee
from cipdesk.integration.mediations import services as mediations
from cipdesk.integration.mediations.forms import MediationForm
from cipdesk.integration.points import services as points
from cipdesk.integration.points.forms import PointForm
from cipdesk.integration.suivis import queries, rules, services
from cipdesk.integration.suivis.forms import CadreForm, SuiviForm
from cipdesk.integration.suivis.models import SuiviIntegration
from cipdesk.personnes.models import Personne
from cipdesk.security import policy
from cipdesk.web.chargement import charger
from cipdesk.web.formulaires import avec_vide, rediriger, soumettre
from cipdesk.web.pdf import reponse_pdf
from cipdesk.web.rendu import rendre

bp = Blueprint("suivis", __name__, url_prefix="/suivis")


def _uuid(valeur):
    try:
        return uuid.UUID(valeur or "")
    except ValueError:
        return None


@bp.route("/nouveau", methods=["GET", "POST"])
def nouveau():
    policy.exiger(policy.peut(current_user, "integration.ouvrir"))
    form = SuiviForm()
    form.personne_id.choices = avec_vide((p.id, f"{p.nom} {p.prenom}")
                                         for p in queries.personnes_suivables(db.session, current_user))
    form.entreprise_id.choices = avec_vide(((e.id, e.raison_sociale) for e in
                                            queries.entreprises_de_la_structure(db.session, current_user.structure_id)),
                                           "— pas dans la base —")

    embauche = _embauche(request.args.get("candidature") or form.candidature.data)
    if embauche is not None and request.method == "GET":
        # Opened from a hire: what the offer already says, never the contract type (a figure).
        offre = embauche.offre
        form.candidature.data = str(embauche.id)
        form.personne_id.data, form.entreprise_id.data = str(embauche.personne_id), str(offre.entreprise_id)
        form.intitule_poste.data, form.rome_code.data = offre.intitule, offre.fiche.rome_code

    immersion = _immersion_embauche(request.args.get("immersion") or form.immersion.data) if embauche is None else None
    if immersion is not None and request.method == "GET":
        # Opened from the bilan of an immersion: who, where; the job and the contract are typed.
        form.immersion.data = str(immersion.id)
        form.personne_id.data, form.entreprise_id.data = str(immersion.personne_id), str(immersion.entreprise_id)
        form.lieu_travail.data = immersion.lieu

    def service():
        pid, eid = _uuid(form.personne_id.data), _uuid(form.entreprise_id.data)
        personne = db.session.get(Personne, pid) if pid else None
        entreprise = db.session.get(Entreprise, eid) if eid else None
        if form.entreprise_id.data and entreprise is None:
            from cipdesk.core.erreurs import ErreurMetier
            raise ErreurMetier(services.MESSAGE_AUTRE_STRUCTURE, "entreprise_id")
        origine = (rules.Origine.CANDIDATURE if embauche is not None else
                   rules.Origine.IMMERSION if immersion is not None else rules.Origine.MAIN)
        return services.ouvrir_suivi(db.session, personne, par=current_user, donnees=form.donnees(),
                                     entreprise=entreprise, confirmer_essai=form.confirmer_essai.data, origine=origine,
                                     dans_le_perimetre=queries.dans_le_perimetre(db.session, current_user, personne))

    def valider():
        try:
            tc = rules.TypeContrat(form.type_contrat.data)
        except ValueError:
            return {}
        erreurs = rules.verifier_essai(tc, form.debut.data, form.fin_periode_essai.data)
        if form.confirmer_essai.data:
            erreurs = {k: v for k, v in erreurs.items() if "plus longue" not in v}
        return erreurs

    soumission = soumettre(form, service, valider=valider)
    if soumission:
        return rediriger(url_for("integration.suivis.voir", suivi_id=soumission.resultat.id),
                         "Suivi de l'intégration ouvert ; les points de suivi sont planifiés.")
    return rendre("integration/suivis/form.html", form=form, statut=soumission.statut)


def _embauche(identifiant) -> Candidature | None:
    """The candidature that ended in a hire (loaded for this user: perimeter, audit), or None."""
    cid = _uuid(identifiant) if identifiant else None
    if cid is None:
        return None
    candidature = charger(Candidature, cid)
    if candidature.etat != "embauche":  # EtatCandidature.EMBAUCHE (a StrEnum of the employeurs module)
        abort(404)
    return candidature


def _immersion_embauche(identifiant) -> Immersion | None:
    """The immersion whose bilan says the employer means to hire (loaded for this user), or None."""
    iid = _uuid(identifiant) if identifiant else None
    if iid is None:
        return None
    immersion = charger(Immersion, iid)
    if immersion.bilan_le is None or not immersion.embauche_envisagee:
        abort(404)
    return immersion


def page(suivi, *, cadre=None, mediation=None, bilan=None, statut=200):
    """The follow-up's page; `cadre`, `mediation`, `bilan`: a form sent back with its errors. The other
    forms are blank (`champs`), the cadre's filled from the follow-up (`champs_remplis`)."""
    proposee = categorie_proposee([points.proposition_code(p) for p in suivi.points])
    if cadre is None and not _restituee():   # filled from the follow-up, nothing typed
        champs_cadre = champs_remplis("cadre", {nom: getattr(suivi, nom) for nom in CHAMPS_CADRE})
    else:
        cadre = cadre if cadre is not None else CadreForm(obj=suivi, **_affiche())
        champs_cadre = champs("cadre", cadre)
    return rendre("integration/suivis/voir.html", suivi=suivi, cadre=cadre, mediation=mediation, bilan=bilan,
                  champs_cadre=champs_cadre, champs_mediation=champs("mediation", mediation),
                  champs_bilan=champs("bilan", bilan), champs_point=champs("point"),
                  proposee=CATEGORIES.get(proposee) if proposee else None, categories=CATEGORIES,
                  aujourd_hui=aujourdhui(),
                  apres_sortie=_apres_sortie(suivi), mois_apres_sortie=MOIS_APRES_SORTIE,
                  peut_modifier=policy.peut(current_user, "integration.ouvrir"), statut=statut)


def _restituee() -> bool:
    """A draft given back after a new login (web.saisie: `g.saisie_restituee`, issue #10 point 10):
    the typed fields fill the page's forms that have them, instead of blank forms."""
    return g.get("saisie_restituee") is not None


def _affiche() -> dict:
    """The arguments of a form the page only shows: no request data (unless a draft is given back)
    and no CSRF field (the page writes its own token)."""
    return {"meta": {"csrf": False}} if _restituee() else {"formdata": None, "meta": {"csrf": False}}


def _bilan_vierge() -> BilanForm:
    bilan = BilanForm(**_affiche())
    if not _restituee():
        bilan.categorie_sortie.data = None   # the proposal is shown beside the field, never pre-selected
    return bilan


# the blank forms of the page (the cadre's is filled from the follow-up), by name; each one's fields
# are the macro `champs_<name>` of integration/_champs.html
_VIERGES = {"mediation": lambda: MediationForm(**_affiche()), "bilan": _bilan_vierge,
            "point": lambda: PointForm(**_affiche()), "cadre": lambda: CadreForm(**_affiche())}
_CHAMPS_VIERGES: dict[str | tuple, Markup] = {}   # by form name; (name, fields): a skeleton
CHAMPS_CADRE = ("cadre_le", "interlocuteurs", "engagements", "modalites", "acteurs", "non_discrimination")


def champs(nom: str, form=None) -> Markup:
    """The HTML of a form's fields. A blank form's (`form` None: nothing typed, no error) depends
    on its class alone — labels, help, validators, choices — never on the request: it is rendered
    once per process (rendering fields through WTForms and the `champ` macro was a third of the
    page), unless templates are reloaded (development) or a draft is given back (`_restituee`)."""
    vierge = form is None and not _restituee()
    if vierge and nom in _CHAMPS_VIERGES:
        return _CHAMPS_VIERGES[nom]
    html = get_template_attribute("integration/_champs.html", f"champs_{nom}")(
        form if form is not None else _VIERGES[nom]())
    if vierge and not current_app.jinja_env.auto_reload:
        _CHAMPS_VIERGES[nom] = html
    return html


_MARQUE = "\ue000{}\ue000"   # a private-use character: never in what WTForms escapes, never in a label
_MARQUES = re.compile("\ue000([a-z_]+)\ue000")


def champs_remplis(nom: str, valeurs: dict) -> Markup:
    """The HTML of a form's fields filled with `valeurs` (a date or a text per field; nothing typed,
    no error): its skeleton — the fields rendered once per process with a mark in each value's place
    — with each mark replaced by the value as WTForms writes it (a date as YYYY-MM-DD, a text
    HTML-escaped). One pass: a value is never read for marks. The same HTML as `champs(nom, form)`
    (tests/http/integration/test_mediation_bilan.py compares them)."""
    squelette = _CHAMPS_VIERGES.get((nom, tuple(valeurs)))
    if squelette is None:
        form = _VIERGES[nom]()
        for champ in valeurs:
            # a text field writes its data, a date field its raw input when it has one
            form[champ].data, form[champ].raw_data = _MARQUE.format(champ), [_MARQUE.format(champ)]
        squelette = get_template_attribute("integration/_champs.html", f"champs_{nom}")(form)
        if not current_app.jinja_env.auto_reload:
            _CHAMPS_VIERGES[(nom, tuple(valeurs))] = squelette
    textes = {champ: escape(v.strftime("%Y-%m-%d") if isinstance(v, date) else "" if v is None else str(v))
              for champ, v in valeurs.items()}
    return Markup(_MARQUES.sub(lambda m: textes[m.group(1)], str(squelette)))


def _apres_sortie(suivi) -> tuple:
    """The exit of the parcours is read only when a done M+3 / M+6 point (still in the job) may
    show it: the page shows nothing of it otherwise."""
    if any(MOIS_APRES_SORTIE.get(p.jalon.value) and p.fait_le and p.toujours_en_poste for p in suivi.points):
        return queries.suivis_apres_sortie(db.session, suivi.personne_id)
    return None, set()


@bp.get("/<uuid:suivi_id>")
def voir(suivi_id):
    return page(charger(SuiviIntegration, suivi_id, objet=queries.suivi_complet(db.session, suivi_id)))


@bp.post("/<uuid:suivi_id>/cadre")
def cadre(suivi_id):
    suivi = charger(SuiviIntegration, suivi_id, modifier=True)
    form = CadreForm()
    soumission = soumettre(form, lambda: services.convenir_cadre(db.session, suivi, par=current_user,
                                                                  donnees=form.donnees(), aujourd_hui=aujourdhui()))
    if soumission:
        return rediriger(url_for("integration.suivis.voir", suivi_id=suivi.id), "Cadre de collaboration enregistré.")
    return page(suivi, cadre=form, statut=soumission.statut)


@bp.get("/<uuid:suivi_id>/accord.pdf")
def accord_pdf(suivi_id):
    from cipdesk.integration.suivis.pdf import accord_en_pdf

    suivi = charger(SuiviIntegration, suivi_id)
    return reponse_pdf(accord_en_pdf(suivi, current_user.structure), f"accord-integration-{suivi.id.hex[:8]}.pdf",
                       en_ligne=True)


@bp.post("/<uuid:suivi_id>/mediation")
def mediation(suivi_id):
    suivi = charger(SuiviIntegration, suivi_id, modifier=True)
    form = MediationForm()
    soumission = soumettre(form, lambda: mediations.enregistrer_mediation(
        db.session, suivi, par=current_user, donnees=form.donnees(), aujourd_hui=aujourdhui()))
    if soumission:
        return rediriger(url_for("integration.suivis.voir", suivi_id=suivi.id), "Médiation enregistrée.")
    return page(suivi, mediation=form, statut=soumission.statut)


@bp.post("/<uuid:suivi_id>/bilan")
def bilan(suivi_id):
    suivi = charger(SuiviIntegration, suivi_id, modifier=True)
    form = BilanForm()
    soumission = soumettre(form, lambda: bilan_services.faire_le_bilan(
        db.session, suivi, par=current_user, donnees=form.donnees(), issue=form.issue.data, aujourd_hui=aujourdhui()))
    if soumission:
        return rediriger(url_for("integration.suivis.voir", suivi_id=suivi.id),
                         "Bilan de l'intégration enregistré, catégorie de sortie confirmée.")
    return page(suivi, bilan=form, statut=soumission.statut)
