"""Use cases of the diagnostic partagé: versions, edition, validation by the person.
Flush, never commit."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from cipdesk.accueil.diagnostic import rules
from cipdesk.accueil.diagnostic.queries import dimensions_de_la_structure, etats, versions
from cipdesk.accueil.diagnostic.models import Diagnostic, DiagnosticDimension, ModeValidation, StatutDiagnostic
from cipdesk.accueil.rules import erreur_date_passee
from cipdesk.core import signaux
from cipdesk.core.db import utcnow
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.personnes.models import Personne
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser


def ouvrir_version(session: Session, *, par, personne: Personne, le: date, aujourd_hui: date) -> Diagnostic:
    """A new version starts as a copy of the latest one; only one in progress at a time."""
    policy.exiger(policy.est_conseiller(par))
    existantes = versions(session, personne.id)
    message = rules.erreur_nouvelle_version([v.statut.value for v in existantes])
    if message:
        raise ErreurMetier(message, "version")
    message = erreur_date_passee(le, aujourd_hui, quoi="La date du diagnostic")
    if message:
        raise ErreurMetier(message, "date_diagnostic")
    precedente = existantes[-1] if existantes else None
    diagnostic = Diagnostic(id=uuid.uuid4(), structure_id=personne.structure_id, personne_id=personne.id,
                            conseiller_id=par.id, numero=rules.numero_suivant([v.numero for v in existantes]),
                            date_diagnostic=le, statut=StatutDiagnostic.BROUILLON,
                            hypotheses=precedente.hypotheses if precedente else "",
                            paroles_personne="")
    if precedente:
        for d in precedente.dimensions:
            diagnostic.dimensions.append(DiagnosticDimension(
                structure_id=personne.structure_id, dimension_code=d.dimension_code,
                dimension_libelle=d.dimension_libelle, ordre=d.ordre, situation=d.situation,
                atouts=d.atouts, atout_niveau=d.atout_niveau, freins=d.freins,
                frein_niveau=d.frein_niveau, besoins=d.besoins))
    session.add(diagnostic)
    session.flush()
    journaliser(session, acteur=par, action=Action.CREATION, objet_type="diagnostic", objet_id=diagnostic.id)
    return diagnostic


@dataclass
class SaisieDimension:
    code: str
    situation: str = ""
    atouts: str = ""
    atout_niveau: int = 0
    freins: str = ""
    frein_niveau: int = 0
    besoins: str = ""


def enregistrer(session: Session, *, par, diagnostic: Diagnostic, date_diagnostic: date,
                hypotheses: str, paroles_personne: str, saisies: list[SaisieDimension],
                aujourd_hui: date, version: int) -> Diagnostic:
    """Save the draft, all dimensions at once (the whole diagnostic on one page).
    Empty dimensions are not kept; a validated version is frozen."""
    _verifier_brouillon(par, diagnostic, version)
    message = erreur_date_passee(date_diagnostic, aujourd_hui, quoi="La date du diagnostic")
    if message:
        raise ErreurMetier(message, "date_diagnostic")
    libelles = _libelles(session, diagnostic)
    for ordre, s in enumerate(saisies):
        _appliquer(diagnostic, libelles, ordre, s)
    diagnostic.date_diagnostic = date_diagnostic
    diagnostic.hypotheses, diagnostic.paroles_personne = hypotheses.strip(), paroles_personne.strip()
    diagnostic.updated_at = utcnow()  # always UPDATE the parent: its version guards the children too
    session.flush()
    journaliser(session, acteur=par, action=Action.MODIFICATION, objet_type="diagnostic", objet_id=diagnostic.id)
    return diagnostic


def _verifier_brouillon(par, diagnostic: Diagnostic, version: int) -> None:
    policy.exiger(policy.est_conseiller(par))
    message = rules.erreur_modification(diagnostic.statut.value)
    if message:
        raise ErreurMetier(message, "version")
    if version != diagnostic.version:
        raise ErreurMetier("Ce diagnostic a été modifié entre-temps : rechargez la page. "
                           "Votre saisie est conservée ci-dessous.", "version")


def _libelles(session: Session, diagnostic: Diagnostic) -> dict[str, str]:
    libelles = dict(dimensions_de_la_structure(session, diagnostic.structure_id))
    libelles.update({d.dimension_code: d.dimension_libelle for d in diagnostic.dimensions
                     if d.dimension_code not in libelles})
    return libelles


def _appliquer(diagnostic: Diagnostic, libelles: dict[str, str], ordre: int, s: SaisieDimension) -> None:
    """One dimension of the draft as typed: kept, changed, or removed when left empty."""
    if s.code not in libelles:
        raise ErreurMetier("Dimension inconnue.", "dimensions")
    if not (0 <= s.atout_niveau <= 3 and 0 <= s.frein_niveau <= 3):
        raise ErreurMetier("Niveau hors de l'échelle 0 à 3.", "dimensions")
    etat = rules.EtatDimension(s.code, libelles[s.code], s.situation, s.atouts, s.atout_niveau,
                               s.freins, s.frein_niveau, s.besoins)
    ligne = next((d for d in diagnostic.dimensions if d.dimension_code == s.code), None)
    if not etat.renseignee:
        if ligne is not None:
            diagnostic.dimensions.remove(ligne)
        return
    if ligne is None:
        ligne = DiagnosticDimension(structure_id=diagnostic.structure_id, dimension_code=s.code,
                                    dimension_libelle=libelles[s.code])
        diagnostic.dimensions.append(ligne)
    ligne.ordre = ordre
    ligne.situation, ligne.atouts, ligne.freins = s.situation.strip(), s.atouts.strip(), s.freins.strip()
    ligne.besoins = s.besoins.strip()
    ligne.atout_niveau, ligne.frein_niveau = s.atout_niveau, s.frein_niveau


def enregistrer_dimension(session: Session, *, par, diagnostic: Diagnostic, saisie: SaisieDimension,
                          ordre: int, version: int) -> Diagnostic:
    """Save ONE dimension of the draft (issue #11, point 3: « Enregistrer et continuer » during
    the meeting): the other dimensions, the date, the hypotheses and the person's words stay as
    they are in the database, whatever the page holds; nothing saved is lost if the meeting
    stops. The diagnostic's version moves on (it guards its dimensions)."""
    _verifier_brouillon(par, diagnostic, version)
    _appliquer(diagnostic, _libelles(session, diagnostic), ordre, saisie)
    diagnostic.updated_at = utcnow()
    session.flush()
    journaliser(session, acteur=par, action=Action.MODIFICATION, objet_type="diagnostic", objet_id=diagnostic.id)
    return diagnostic


def valider(session: Session, *, par, diagnostic: Diagnostic, personne: Personne, valide_le: date | None,
            mode: str | None, precisions: str, aujourd_hui: date) -> Diagnostic:
    """The person validates this version (RC §3.2 CP2); it is then frozen and tagged CP2."""
    policy.exiger(policy.est_conseiller(par))
    erreurs = rules.erreurs_validation(statut=diagnostic.statut.value, dimensions=etats(diagnostic),
                                       valide_le=valide_le, date_diagnostic=diagnostic.date_diagnostic,
                                       mode=mode, aujourd_hui=aujourd_hui)
    if mode and mode not in {m.value for m in ModeValidation}:
        erreurs["validation_mode"] = "Mode de validation inconnu."
    if erreurs:
        champ, message = next(iter(erreurs.items()))
        raise ErreurMetier(message, champ)
    diagnostic.statut = StatutDiagnostic.VALIDE
    diagnostic.valide_le, diagnostic.validation_mode = valide_le, ModeValidation(mode)
    diagnostic.validation_precisions = precisions.strip()[:500]
    
    signaux.contact_realise.send(session, personne=personne, le=valide_le)
    session.flush()
    journaliser(session, acteur=par, action=Action.MODIFICATION, objet_type="diagnostic",
                objet_id=diagnostic.id, details={"statut": "valide"})
    signaux.activite_enregistree.send(session, utilisateur=par, objet_type="diagnostic", objet_id=diagnostic.id,
                                      le=valide_le)
    return diagnostic
