"""« Mon dossier de certification »: readiness rule by rule, the choice of the case, the
editor of each part (autosave), the jury's PDF. The candidat sees only their own."""
from __future__ import annotations

import uuid

from flask import Blueprint, abort, g, make_response, request, url_for
from flask_login import current_user

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.contrat import registre
from cipdesk.core.dates import aujourdhui
from cipdesk.core.db import db
from cipdesk.dossier import preparation, queries, services
from cipdesk.dossier.forms import (BlocForm, ChoixCasForm, CommentaireForm, CoupeForm, RattachementForm,
                                   RelectureForm, SubstitutionForm, TexteForm)
from cipdesk.dossier.models import RelectureDossier
from cipdesk.dossier.rules import CAS_MAXIMUM, CHAMPS_ANALYSE, CORRESPONDANCE_CCP, PARTIES_AVEC_ANALYSE, regles_de
from cipdesk.referentiel import get_referentiel
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.web.formulaires import choix, rediriger, soumettre
from cipdesk.web.pdf import reponse_pdf
from cipdesk.web.rendu import rendre

bp = Blueprint("dossier", __name__, url_prefix="/dossier")

# Where a missing piece is fixed (Regle.corriger) when no record of the case is named.
CORRECTIONS = {
    "cas": ("dossier.cas", "choisir le cas"), "ecrire": ("dossier.partie", "écrire dans la partie"),
    "export": ("dossier.partie", "ajuster la partie"), "substitutions": ("dossier.preparation", "voir les valeurs"),
    "territoire": ("territoire.partenaires.liste", "territoire et partenaires"),
    "partenaires": ("territoire.partenaires.liste", "répertoire des partenaires"),
    "diagnostic": ("parcours.contrat.index", "parcours"), "entretiens": ("parcours.contrat.index", "parcours"),
    "parcours": ("parcours.contrat.index", "parcours"), "projet": ("parcours.contrat.index", "parcours"),
    "atelier": ("ateliers.conception.index", "ateliers"), "prospection": ("employeurs.prospection.liste", "prospection"),
    "recrutement": ("employeurs.offres.liste", "offres et fiches de poste"),
    "integration": ("integration.index", "suivis d'intégration"),
}


def _candidat():
    policy.exiger(policy.peut(current_user, "dossier.rediger"))
    return current_user, get_referentiel(current_user.profil_candidat.referentiel_code)


def _numero(numero: int) -> int:
    if numero not in range(1, 8):
        abort(404)
    return numero


def lien(piece=None, corriger: str = "", numero: int = 0) -> tuple[str, str] | None:
    """(url, label) where a rule's missing piece is fixed: the record itself when named."""
    if piece is not None and not piece.objet_type:
        return None  # the candidat's own text: nothing to open
    if piece is not None and piece.objet_type:
        try:
            cible = registre.cible(piece.objet_type, piece.objet_id)
        except KeyError:
            cible = None
        if cible:
            try:
                return url_for(cible[0], **cible[1]), "ouvrir"
            except Exception:  # a record kind whose page is not routable here
                return None
        return None
    endpoint, libelle = CORRECTIONS.get(corriger, ("dossier.partie", "compléter"))
    try:
        return url_for(endpoint, numero=numero) if endpoint.startswith("dossier.") else url_for(endpoint), libelle
    except Exception:
        return None


@bp.app_context_processor
def _aides():
    return {"dossier_lien": lien}


@bp.get("/", endpoint="preparation")
def preparation_page():
    candidat, ref = _candidat()
    vue = preparation.dossier(db.session, candidat, ref, aujourdhui())
    return rendre("dossier/preparation.html", dossier=vue, ref=ref, candidat=candidat, resume_seul=False,
                  productions_ccp=_productions_ccp(candidat, ref))


# -- the CCP route (issue #16, point 8): each CCP's production with its own budget ------------


def _productions_ccp(candidat, ref) -> list[str]:
    if not policy.peut_rediger_ccp(candidat):
        return []
    return [p.code for p in ref.productions if p.code in CORRESPONDANCE_CCP]


def _candidat_ccp(code: str):
    candidat, ref = _candidat()
    policy.exiger(policy.peut_rediger_ccp(candidat))
    if code not in _productions_ccp(candidat, ref):
        abort(404)
    return candidat, ref


@bp.get("/ccp/<code>")
def ccp(code: str):
    candidat, ref = _candidat_ccp(code)
    vue = preparation.dossier(db.session, candidat, ref, aujourdhui(), production=code)
    return rendre("dossier/preparation.html", dossier=vue, ref=ref, candidat=candidat, resume_seul=False,
                  productions_ccp=_productions_ccp(candidat, ref))


@bp.get("/ccp/<code>.pdf")
def ccp_pdf(code: str):
    _candidat_ccp(code)
    return _exporter("pdf", code)


@bp.get("/ccp/<code>.docx")
def ccp_docx(code: str):
    _candidat_ccp(code)
    return _exporter("docx", code)



@bp.get("/candidats/<uuid:utilisateur_id>")
def preparation_candidat(utilisateur_id: uuid.UUID):
    """Tutor (with the candidat's consent): the readiness; chef de service of the team:
    the summary only, never the records behind it."""
    candidat = policy.verifier_structure(current_user, db.session.get(Utilisateur, utilisateur_id))
    profil = candidat.profil_candidat
    policy.exiger(policy.peut_voir_preparation(current_user, candidat, profil) or policy.peut_suivre_vae_collective(
        current_user, candidat, queries.est_rattache(db.session, current_user, candidat)))
    ref = get_referentiel(profil.referentiel_code)
    vue = preparation.dossier(db.session, candidat, ref, aujourdhui())
    resume_seul = not policy.peut_voir_couverture(current_user, candidat, profil)
    return rendre("dossier/preparation.html", dossier=vue, ref=ref, candidat=candidat, resume_seul=resume_seul,
                  productions_ccp=[])


@bp.route("/parties/<int:numero>/cas", methods=["GET", "POST"])
def cas(numero: int):
    candidat, ref = _candidat()
    numero = _numero(numero)
    possibles = queries.cas_possibles(db.session, candidat, numero, aujourdhui())
    form = ChoixCasForm()
    form.cas.choices = [(c.ref, c.libelle) for c in possibles]
    resultat = soumettre(form, lambda: services.choisir_cas(db.session, candidat, numero, form.cas.data or [],
                                                            possibles))
    if resultat:
        return rediriger(url_for("dossier.partie", numero=numero), "Cas retenu : le brouillon est assemblé.")
    redigee = queries.partie_redigee(db.session, candidat, numero)
    choisis = form.cas.data if request.method == "POST" else (redigee.cas if redigee else [])
    return rendre("dossier/cas.html", statut=resultat.statut, form=form, possibles=possibles, choisis=choisis or [],
                  numero=numero, definition=ref.dossier_titre().partie(numero), maximum=CAS_MAXIMUM[numero])


def _vue_partie(candidat, ref, numero):
    p = preparation.partie(db.session, candidat, ref, numero, aujourdhui())
    champs = [("introduction", "Introduction")]
    champs += [(r.ident, f"{r.ident} — {r.intitule}") for r in regles_de(numero) if r.redigeable]
    champs += [("transitions", "Transitions et conclusion")]
    analyse = CHAMPS_ANALYSE if numero in PARTIES_AVEC_ANALYSE else ()
    relecture = RelectureForm()
    relecture.relecteur.choices = choix((str(u.id), f"{u.nom_complet} ({'tuteur·rice' if _est_tuteur(candidat, u) else 'chef·fe de service'})")
                                        for u in queries.relecteurs_possibles(db.session, candidat))
    return {"p": p, "numero": numero, "champs": champs, "champs_analyse": analyse, "ref": ref,
            "relecture_form": relecture, "relectures": queries.relectures_de_la_partie(db.session, candidat, numero),
            "textes": {**p.textes.get("_analyse", {}), **{k: v for k, v in p.textes.items() if isinstance(v, str)}}}


@bp.get("/parties/<int:numero>")
def partie(numero: int):
    candidat, ref = _candidat()
    return rendre("dossier/partie.html", **_vue_partie(candidat, ref, _numero(numero)))


@bp.post("/parties/<int:numero>/textes")
def textes(numero: int):
    """Autosave (htmx) of one field; answers the part's state (pages, rules) as a fragment."""
    candidat, ref = _candidat()
    numero = _numero(numero)
    form = TexteForm()
    resultat = soumettre(form, lambda: services.ecrire(db.session, candidat, numero, form.champ.data, form.texte.data))
    if resultat and not request.headers.get("HX-Request"):
        return rediriger(url_for("dossier.partie", numero=numero), "Texte enregistré.")
    vue = _vue_partie(candidat, ref, numero)
    statut = 200 if resultat else resultat.statut
    if not resultat:
        vue["textes"][form.champ.data or ""] = form.texte.data or ""
    return rendre("dossier/partie.html", fragment="dossier/_etat.html", statut=statut, erreur=form, **vue)


@bp.post("/parties/<int:numero>/blocs")
def blocs(numero: int):
    candidat, ref = _candidat()
    numero = _numero(numero)
    form = BlocForm()
    cles = [b.cle for b, _m, _c in preparation.partie(db.session, candidat, ref, numero, aujourdhui(),
                                                       avec_pages=False).blocs]
    resultat = soumettre(form, lambda: services.regler_bloc(db.session, candidat, numero, form.cle.data,
                                                            form.action.data, cles))
    if resultat and not request.headers.get("HX-Request"):
        return rediriger(url_for("dossier.partie", numero=numero) + "#blocs")
    return rendre("dossier/partie.html", fragment="dossier/_blocs.html", statut=200 if resultat else resultat.statut,
                  **_vue_partie(candidat, ref, numero))


@bp.post("/parties/<int:numero>/coupes")
def coupes(numero: int):
    candidat, ref = _candidat()
    numero = _numero(numero)
    form = CoupeForm()
    cles = [b.cle for b, _m, _c in preparation.partie(db.session, candidat, ref, numero, aujourdhui(),
                                                       avec_pages=False).blocs]
    resultat = soumettre(form, lambda: services.couper(db.session, candidat, numero, form.cle.data,
                                                       form.texte.data, cles))
    if resultat and not request.headers.get("HX-Request"):
        return rediriger(url_for("dossier.partie", numero=numero) + "#blocs", "Bloc raccourci.")
    return rendre("dossier/partie.html", fragment="dossier/_blocs.html", statut=200 if resultat else resultat.statut,
                  **_vue_partie(candidat, ref, numero))


def _exporter(format_: str, production: str = "titre"):
    """The jury's document of the candidat's current draft (the titre's, or a CCP's production);
    every export (and every refusal) is in the audit trail."""
    candidat, ref = _candidat()
    vue = preparation.dossier(db.session, candidat, ref, aujourdhui(), production=production)
    try:
        if format_ == "pdf":
            contenu = preparation.exporter_pdf(vue, candidat, ref)[0]
        elif format_ == "dp":
            contenu = preparation.exporter_dp(vue, candidat, ref)
        else:
            contenu = preparation.exporter_docx(vue, candidat, ref)
    except preparation.ExportRefuse as refus:
        journaliser(db.session, acteur=candidat, action=Action.REFUS, objet_type="dossier_titre",
                    objet_id=candidat.id, details={"format": format_, "restes": len(refus.restes),
                                                   "production": production})
        g.garder_en_erreur = True  # the refusal stays in the audit trail despite the 422 (web.chargement)
        return rendre("dossier/refus.html", statut=422, restes=refus.restes)
    journaliser(db.session, acteur=candidat, action=Action.EXPORT, objet_type="dossier_titre", objet_id=candidat.id,
                details={"format": format_, "pages": vue.total, "production": production})
    nom = "dossier-titre-cip" if production == "titre" else f"dossier-{production.lower()}-cip"
    if format_ == "pdf":
        return reponse_pdf(contenu, f"{nom}.pdf")
    if format_ == "dp":
        return reponse_pdf(contenu, "dossier-professionnel.pdf")
    reponse = make_response(contenu)
    reponse.headers["Content-Type"] = DOCX
    reponse.headers["Content-Disposition"] = f'attachment; filename="{nom}.docx"'
    return reponse


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@bp.get("/titre.pdf")
def titre_pdf():
    return _exporter("pdf")


@bp.get("/titre.docx")
def titre_docx():
    return _exporter("docx")


@bp.get("/dp.pdf")
def dp_pdf():
    """The Dossier Professionnel, pre-filled from the parts of the dossier."""
    return _exporter("dp")


# -- review by the tutor or a chef de service (issue #16, point 9) ---------------------------


def _est_tuteur(candidat, utilisateur) -> bool:
    profil = candidat.profil_candidat
    return profil is not None and profil.tuteur_id == utilisateur.id


@bp.post("/parties/<int:numero>/relecture")
def demander_relecture(numero: int):
    candidat, ref = _candidat()
    numero = _numero(numero)
    vue = _vue_partie(candidat, ref, numero)
    form = vue["relecture_form"]

    def _service():
        relecteur = _utilisateur(form.relecteur.data)
        relecture = services.demander_relecture(db.session, candidat, numero, relecteur, aujourdhui())
        journaliser(db.session, acteur=candidat, action=Action.PARTAGE, objet_type="dossier_relecture",
                    objet_id=relecture.id, details={"partie": numero})
        return relecture

    resultat = soumettre(form, _service)
    if resultat:
        return rediriger(url_for("dossier.partie", numero=numero) + "#relecture", "Relecture demandée.")
    return rendre("dossier/partie.html", statut=resultat.statut, **vue)


def _version(valeur) -> int:
    """The version the form was read at (0 when missing or altered: refused as stale)."""
    try:
        return int(valeur or 0)
    except ValueError:
        return 0


def _utilisateur(valeur):
    try:
        return db.session.get(Utilisateur, uuid.UUID(valeur or ""))
    except ValueError:
        return None


@bp.get("/relectures")
def relectures():
    """The parts a tutor or a chef de service was asked to review."""
    return rendre("dossier/relectures.html", relectures=queries.relectures_demandees(db.session, current_user))


@bp.route("/relectures/<uuid:relecture_id>", methods=["GET", "POST"])
def relecture(relecture_id: uuid.UUID):
    demande = policy.verifier_structure(current_user, db.session.get(RelectureDossier, relecture_id))
    candidat = demande.candidat
    policy.exiger(demande.relecteur_id == current_user.id and policy.peut_relire_dossier(current_user, candidat))
    form = CommentaireForm()
    resultat = soumettre(form, lambda: services.commenter(db.session, demande, par=current_user,
                                                          commentaire=form.commentaire.data, le=aujourdhui(),
                                                          version=_version(form.version.data)))
    journaliser(db.session, acteur=current_user, action=Action.MODIFICATION if resultat else Action.LECTURE,
                objet_type="dossier_relecture", objet_id=demande.id, details={"partie": demande.numero})
    if resultat:
        return rediriger(url_for("dossier.relectures"), "Commentaire transmis.")
    if request.method == "GET":
        form.version.data = str(demande.version)
        if demande.commentaire:
            form.commentaire.data = demande.commentaire
    ref = get_referentiel(candidat.profil_candidat.referentiel_code)
    p = preparation.partie(db.session, candidat, ref, demande.numero, aujourdhui())
    return rendre("dossier/relecture.html", statut=resultat.statut, demande=demande, p=p, form=form)


@bp.post("/parties/<int:numero>/substitutions")
def substitutions(numero: int):
    """The candidat corrects one substitution of the preview (D3)."""
    candidat, ref = _candidat()
    numero = _numero(numero)
    form = SubstitutionForm()
    resultat = soumettre(form, lambda: services.corriger_substitution(
        db.session, candidat, numero, original=form.original.data, action=form.action.data,
        remplacement=form.remplacement.data))
    if resultat:
        return rediriger(url_for("dossier.partie", numero=numero) + "#substitutions", "Substitution corrigée.")
    vue = _vue_partie(candidat, ref, numero)
    return rendre("dossier/partie.html", statut=resultat.statut, erreur_substitution=form, **vue)


# -- collective VAE (issue #16, point 9): the accompagnateur follows readiness, not caseloads -----


@bp.route("/vae-collective", methods=["GET", "POST"])
def vae_collective():
    """The accompagnateur's candidats with the readiness of their dossier (summary only); the chef
    de service or the admin attaches an accompagnateur to a candidat here."""
    organise = policy.peut(current_user, "dossier.organiser_vae")
    form = RattachementForm()
    if organise:
        form.accompagnateur.choices = choix((str(u.id), u.nom_complet)
                                            for u in queries.utilisateurs_actifs(db.session, current_user.structure_id))
        form.candidat.choices = choix((str(u.id), u.nom_complet)
                                      for u in queries.candidats_de_la_structure(db.session, current_user.structure_id))
    if request.method == "POST":
        policy.exiger(organise)

        def _service():
            lien = services.rattacher_accompagnateur(
                db.session, par=current_user, accompagnateur=_utilisateur(form.accompagnateur.data),
                candidat=_utilisateur(form.candidat.data), groupe=form.groupe.data)
            journaliser(db.session, acteur=current_user, action=Action.PARTAGE, objet_type="dossier_accompagnement_vae",
                        objet_id=lien.id, details={"candidat": str(lien.candidat_id)})
            return lien

        resultat = soumettre(form, _service)
        if resultat:
            return rediriger(url_for("dossier.vae_collective"), "Accompagnateur·rice rattaché·e.")
        statut = resultat.statut
    else:
        statut = 200
    suivis = []
    for lien in queries.candidats_suivis(db.session, current_user):
        profil = lien.candidat.profil_candidat
        if not policy.peut_suivre_vae_collective(current_user, lien.candidat, True):
            continue
        vue = preparation.dossier(db.session, lien.candidat, get_referentiel(profil.referentiel_code), aujourdhui())
        suivis.append((lien, vue))
    return rendre("dossier/vae_collective.html", statut=statut, suivis=suivis, form=form, organise=organise,
                  rattachements=queries.rattachements(db.session, current_user.structure_id) if organise else [])

