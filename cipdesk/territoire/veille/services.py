"""Use cases of the veille (REAC CP3). Flush, never commit; today is passed in."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.core import signaux
from cipdesk.core.erreurs import ErreurMetier
from cipdesk.security import policy
from cipdesk.security.audit import Action, journaliser
from cipdesk.territoire.veille import rules
from cipdesk.territoire.veille.models import FicheVeille, LienVeille, NatureVeille

CONFLIT = ("Cette fiche a été modifiée entre-temps par un·e collègue : rechargez-la. "
           "Votre saisie est conservée ci-dessous.")


@dataclass
class DonneesFiche:
    titre: str
    nature: str
    source: str
    date_fiche: date | None
    resume: str = ""
    eligibilite: str = ""
    url: str = ""
    echeance: date | None = None
    etiquettes: list[str] = field(default_factory=list)


def enregistrer_fiche(session: Session, *, par, donnees: DonneesFiche, aujourd_hui: date,
                      fiche: FicheVeille | None = None, version: int | None = None) -> FicheVeille:
    policy.exiger(policy.peut(par, "territoire.modifier"))
    nouveau = fiche is None
    if not nouveau and version != fiche.version:
        raise ErreurMetier(CONFLIT, "version")
    if not donnees.titre.strip():
        raise ErreurMetier("Donnez un titre à la fiche.", "titre")
    if donnees.nature not in {n.value for n in NatureVeille}:
        raise ErreurMetier("Choisissez la nature de la fiche.", "nature")
    if not donnees.source.strip():
        raise ErreurMetier("Indiquez la source de l'information (organisme, texte, publication).", "source")
    if donnees.date_fiche is None:
        raise ErreurMetier("Indiquez la date de l'information.", "date_fiche")
    for champ, message in rules.erreurs_de_dates(donnees.date_fiche, donnees.echeance, aujourd_hui).items():
        raise ErreurMetier(message, champ)
    try:
        url = rules.valider_url(donnees.url)
    except ValueError as exc:
        raise ErreurMetier(str(exc), "url") from None
    if nouveau:
        fiche = FicheVeille(id=uuid.uuid4(), structure_id=par.structure_id, auteur_id=par.id)
        session.add(fiche)
    fiche.titre, fiche.nature = donnees.titre.strip()[:200], NatureVeille(donnees.nature)
    fiche.source, fiche.url = donnees.source.strip()[:300], url
    fiche.resume, fiche.eligibilite = donnees.resume.strip(), donnees.eligibilite.strip()
    fiche.date_fiche, fiche.echeance = donnees.date_fiche, donnees.echeance
    fiche.etiquettes = list(donnees.etiquettes)
    session.flush()
    journaliser(session, acteur=par, action=Action.CREATION if nouveau else Action.MODIFICATION,
                objet_type="fiche_veille", objet_id=fiche.id)
    if nouveau:
        signaux.activite_enregistree.send(session, utilisateur=par, objet_type="fiche_veille", objet_id=fiche.id,
                                          le=aujourd_hui)
    return fiche


def lier(session: Session, *, par, fiche: FicheVeille, objet_type: str, objet_id: uuid.UUID,
         autorises: set[tuple[str, uuid.UUID]]) -> LienVeille:
    """Record that the fiche served for this record. `autorises`: the (kind, id) pairs the
    user may link (their own orientations, étapes of their caseload, the structure's offers)."""
    policy.exiger(policy.peut(par, "territoire.modifier"))
    if (objet_type, objet_id) not in autorises:
        raise ErreurMetier("Choisissez dans la liste l'endroit où la fiche a servi.", "cible")
    existe = session.scalar(select(LienVeille).where(LienVeille.fiche_id == fiche.id,
                                                     LienVeille.objet_type == objet_type,
                                                     LienVeille.objet_id == objet_id))
    if existe is not None:
        raise ErreurMetier("Cette fiche est déjà reliée à cet enregistrement.", "cible")
    lien = LienVeille(id=uuid.uuid4(), structure_id=par.structure_id, fiche_id=fiche.id, objet_type=objet_type,
                      objet_id=objet_id, par_id=par.id)
    session.add(lien)
    session.flush()
    journaliser(session, acteur=par, action=Action.CREATION, objet_type="fiche_veille", objet_id=fiche.id,
                details={"lien": objet_type})
    return lien
