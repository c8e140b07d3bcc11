"""The droits module's part of the person's page (core/fiche.py): the link to the person's rights,
whether the information notice was given, and the break-glass accesses shown to the référent."""
from __future__ import annotations

from datetime import timezone

from sqlalchemy import Integer, literal_column, select

from cipdesk.comptes.models import Utilisateur
from cipdesk.core.dates import date_heure_fr
from cipdesk.core.fiche import ActionPersonne, Encart, LigneEncart, PartDeFiche, SourceDeFiche
from cipdesk.droits.models import ModeRemise, NoticeRemise
from cipdesk.security.acces_exceptionnel import AccesExceptionnel


def _droits(personne_id, lecteur_id, aujourd_hui):  # noqa: ARG001
    """Two parts: the latest notice handed over, the latest 5 exceptional accesses (with who)."""
    notice = select(literal_column("1", Integer).label("n"), NoticeRemise.remise_le.label("le"),
                    NoticeRemise.mode.label("texte")) \
        .where(NoticeRemise.personne_id == personne_id).order_by(NoticeRemise.remise_le.desc()).limit(1)
    acces = select(literal_column("2", Integer).label("n"), AccesExceptionnel.debut.label("saisi"),
                   AccesExceptionnel.motif.label("texte"), Utilisateur.prenom.label("texte2"),
                   Utilisateur.nom.label("texte3")) \
        .join(Utilisateur, Utilisateur.id == AccesExceptionnel.utilisateur_id) \
        .where(AccesExceptionnel.personne_id == personne_id).order_by(AccesExceptionnel.debut.desc()).limit(5)
    return notice, acces


def _lire_droits(lignes, session, personne, lecteur, *, peut_modifier: bool, aujourd_hui):  # noqa: ARG001
    pid = (("personne_id", personne.id),)
    notice = next((r for r in lignes if r.n == 1), None)
    lignes_ = [LigneEncart(f"Notice remise le {notice.le:%d/%m/%Y}", ModeRemise(notice.texte).libelle)
               if notice else LigneEncart("Notice d'information à remettre", "Premier accueil : RGPD art. 13",
                                          endpoint="droits.personne", params=pid, alerte=True)]
    for a in sorted((r for r in lignes if r.n == 2), key=lambda r: r.saisi, reverse=True):
        debut = a.saisi if a.saisi.tzinfo else a.saisi.replace(tzinfo=timezone.utc)
        lignes_.append(LigneEncart(f"Accès exceptionnel de {a.texte2} {a.texte3} le {date_heure_fr(debut)}",
                                   f"Motif : {a.texte}", alerte=True))
    return PartDeFiche(
        # The action is the conseillers' (they exercise the rights); the chef reads through the card's link.
        actions=(ActionPersonne("Droits de la personne (RGPD)", "droits.personne", pid, ordre=95),) if peut_modifier
        else (),
        encarts=(Encart("droits", "Informations personnelles", tuple(lignes_), "", ordre=90,
                        endpoint="droits.personne", params=pid, lien="Droits de la personne"),))


# The notice handed over and the exceptional accesses, read in the page's one statement.
fiche_personne = SourceDeFiche(_droits, _lire_droits)
