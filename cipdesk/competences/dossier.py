"""Readiness of the seven parts of the dossier of the titre (RC §3.1).

Each part states what it needs; modules that hold eligible cases declare a
provider `(session, utilisateur_id) -> list[Cas]` in their `Module.dossier`.
A part whose module is not built yet says so plainly."""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from cipdesk.core.contrat import registre
from cipdesk.competences.rules import ENTRETIENS_MINIMUM, Cas, EtatPartie, evaluer_partie
from cipdesk.referentiel import Referentiel


@dataclass(frozen=True)
class Besoin:
    texte: str
    entretiens_requis: int = 0


# What each part of the titre's dossier is drawn from (DESIGN.md, RC §3.1).
BESOINS = {
    1: Besoin("un profil de structure et de territoire, une veille et un répertoire de partenaires "
              "avec des orientations réelles (module Territoire, veille et partenaires)"),
    2: Besoin("un parcours que vous avez accompagné avec au moins trois entretiens", ENTRETIENS_MINIMUM),
    3: Besoin("un accompagnement de projet professionnel avec au moins trois entretiens", ENTRETIENS_MINIMUM),
    4: Besoin("un atelier avec sa progression pédagogique et son bilan (module Ateliers)"),
    5: Besoin("une action de prospection des employeurs (module Employeurs)"),
    6: Besoin("une action d'appui technique au recrutement (module Employeurs)"),
    7: Besoin("un suivi d'intégration dans l'emploi (module Intégration)"),
}

def preparation(session: Session, utilisateur_id: uuid.UUID, referentiel: Referentiel) -> list[EtatPartie]:
    etats = []
    sources = registre.sources_du_dossier()
    for partie in referentiel.dossier_titre().parties:
        besoin = BESOINS.get(partie.numero, Besoin("des activités correspondant à cette partie"))
        fournisseur = sources.get(partie.numero)
        cas = fournisseur(session, utilisateur_id) if fournisseur else []
        etats.append(evaluer_partie(partie, cas, module_disponible=fournisseur is not None,
                                    besoin=besoin.texte, entretiens_requis=besoin.entretiens_requis))
    return etats
