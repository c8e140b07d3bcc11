"""The droits module's part of the person's page (core/fiche.py): the link to the person's rights,
whether the information notice was given, and the break-glass accesses shown to the référent."""
from __future__ import annotations

from datetime import timezone

from sqlalchemy import select

from cipdesk.core.dates import date_heure_fr
from cipdesk.core.fiche import ActionPersonne, Encart, LigneEncart, PartDeFiche
from cipdesk.droits.models import NoticeRemise
from cipdesk.security.acces_exceptionnel import AccesExceptionnel


def fiche_personne(session, personne, lecteur, *, peut_modifier: bool, aujourd_hui):  # noqa: ARG001
    pid = (("personne_id", personne.id),)
    notice = session.scalar(select(NoticeRemise).where(NoticeRemise.personne_id == personne.id)
                            .order_by(NoticeRemise.remise_le.desc()).limit(1))
    acces = session.scalars(select(AccesExceptionnel).where(AccesExceptionnel.personne_id == personne.id)
                            .order_by(AccesExceptionnel.debut.desc()).limit(5)).all()
    lignes = [LigneEncart(f"Notice remise le {notice.remise_le:%d/%m/%Y}", notice.mode.libelle)
              if notice else LigneEncart("Notice d'information à remettre", "Premier accueil : RGPD art. 13",
                                         endpoint="droits.personne", params=pid, alerte=True)]
    for a in acces:
        debut = a.debut if a.debut.tzinfo else a.debut.replace(tzinfo=timezone.utc)
        lignes.append(LigneEncart(f"Accès exceptionnel de {a.utilisateur.nom_complet} le {date_heure_fr(debut)}",
                                  f"Motif : {a.motif}", alerte=True))
    return PartDeFiche(
        # The action is the conseillers' (they exercise the rights); the chef reads through the card's link.
        actions=(ActionPersonne("Droits de la personne (RGPD)", "droits.personne", pid, ordre=95),) if peut_modifier
        else (),
        encarts=(Encart("droits", "Informations personnelles", tuple(lignes), "", ordre=90,
                        endpoint="droits.personne", params=pid, lien="Droits de la personne"),))
