"""Demo of the person's rights (`cipdesk demo`): notices given at the first accueil, a request of
access with the author's decision on a note, a rectification, and a person near the end of the
retention period (shown to the chef de service)."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from cipdesk.comptes.models import Utilisateur
from cipdesk.droits import rules, services
from cipdesk.droits.models import ModeRemise, NoticeRemise
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
    # A request of access from the first person of the conseiller's caseload.
    services.ouvrir_demande(session, mes[0], par=conseiller, demandee_le=aujourd_hui - timedelta(days=2),
                            aujourd_hui=aujourd_hui)
