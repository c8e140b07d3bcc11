"""Demo of the person's rights (`cipdesk demo`): notices given at the first accueil, a request of
access with the author's decision on a note, a rectification, and a person near the end of the
retention period (shown to the chef de service)."""
from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.comptes.models import Utilisateur
from cipdesk.core import signaux
from cipdesk.droits import queries, rules, services
from cipdesk.droits.models import ModeRemise, NoticeRemise
from cipdesk.notes.models import NoteConfidentielle
from cipdesk.personnes.models import Personne

MODES = (ModeRemise.MAIN_PROPRE, ModeRemise.LUE, ModeRemise.MAIN_PROPRE, ModeRemise.ENVOYEE, ModeRemise.INTERPRETE)


def remplir_droits(session: Session, *, seed: int = 0, aujourd_hui: date, **_options) -> None:  # noqa: ARG001
    conseiller = session.scalar(select(Utilisateur).where(Utilisateur.email == "conseiller@demo.cipdesk.fr"))
    if conseiller is None:
        return
    if session.scalar(select(NoticeRemise.id).where(NoticeRemise.structure_id == conseiller.structure_id).limit(1)):
        return  # already built
    personnes = session.scalars(select(Personne).where(Personne.structure_id == conseiller.structure_id)
                                .order_by(Personne.created_at, Personne.nom)).all()
    # Notices: given to most people at their first accueil; the last ones still to give.
    for i, p in enumerate(personnes[: max(len(personnes) - 2, 0)]):
        par = session.get(Utilisateur, p.referent_id) if p.referent_id else conseiller
        remise = min(p.created_at.date(), aujourd_hui)
        services.enregistrer_notice(session, p, par=par or conseiller, remise_le=remise, mode=MODES[i % len(MODES)].value,
                                    aujourd_hui=aujourd_hui)
    mes = [p for p in personnes if p.referent_id == conseiller.id]
    if not mes:
        return
    # A person whose last contact was 23 months and ~2 weeks ago: on the chef's retention list.
    termines = [p for p in mes if p.statut.value in ("sortie", "sans_suite")]
    proche = (termines or mes)[-1]
    mois = rules.duree_conservation(None)
    proche.dernier_contact_le = rules.plus_mois(aujourd_hui, -mois) + timedelta(days=17)
    proche.prochain_rdv_le = None
    proche.created_at = datetime.combine(proche.dernier_contact_le - timedelta(days=120), time(9, 30),
                                         tzinfo=timezone.utc)
    premiere = mes[0]
    # An exchange with an employer about her candidature (the export lists it under her name).
    _echange_employeur(session, conseiller, premiere, aujourd_hui)
    # A rectification: she moved and changed her phone number (history kept with the former values).
    anciennes = {"telephone": premiere.telephone, "adresse": premiere.adresse}
    premiere.telephone, premiere.adresse = "+33612457890", "14 rue des Tisserands"
    signaux.personne_rectifiee.send(session, personne=premiere, par=conseiller, anciennes=anciennes,
                                    le=aujourd_hui - timedelta(days=9))
    # A request of access from her, and the author's decision on one of the notes about her.
    demande = services.ouvrir_demande(session, premiere, par=conseiller, demandee_le=aujourd_hui - timedelta(days=2),
                                      aujourd_hui=aujourd_hui)
    for ligne in queries.notes_de_la_personne(session, premiere):
        note = session.get(NoteConfidentielle, uuid.UUID(ligne["id"]))
        if note.auteur_id == conseiller.id:
            services.decider_note(session, demande, note, par=conseiller, inclure=True)
            break
    # Break-glass: the chef de service reads the file of a person outside their team.
    chef = session.scalar(select(Utilisateur).where(Utilisateur.email == "chef@demo.cipdesk.fr"))
    if chef is not None:
        from cipdesk.personnes.queries import contexte_acces
        from cipdesk.security import policy

        dehors = [p for p in personnes if not policy.peut_voir_personne(chef, p, **contexte_acces(session, p))]
        if dehors:
            services.ouvrir_acces_exceptionnel(
                session, dehors[0], par=chef, maintenant=datetime.combine(aujourd_hui - timedelta(days=1), time(15, 10),
                                                                          tzinfo=timezone.utc),
                motif="Appel de la mère de la personne pendant l'absence de sa référente ; vérifier le prochain "
                      "rendez-vous prévu.")


def _echange_employeur(session, conseiller, personne, aujourd_hui) -> None:
    from cipdesk.employeurs.entreprises.models import Entreprise
    from cipdesk.employeurs.interactions import services as interactions

    entreprise = session.scalar(select(Entreprise).where(Entreprise.structure_id == conseiller.structure_id)
                                .order_by(Entreprise.raison_sociale).limit(1))
    if entreprise is None:
        return
    interactions.enregistrer_interaction(session, entreprise, par=conseiller, aujourd_hui=aujourd_hui, personne=personne,
                                         donnees={"nature": "appel",
                                                  "le": aujourd_hui - timedelta(days=6),
                                                  "objet": "Présentation d'une candidature",
                                                  "compte_rendu": "Profil retenu pour un entretien la semaine prochaine.",
                                                  "prochaine_action": "", "echeance": None})
