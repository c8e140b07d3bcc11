"""Reading the agenda: the loader's guard, the week, and the contract's providers (agenda of the
home page, alerts, the person's timeline)."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import Integer, case, func, literal, literal_column, select
from sqlalchemy.orm import Session, joinedload

from cipdesk.agenda import rules
from cipdesk.agenda.models import ConsentementCourriel, FluxAgenda, RendezVousPlanifie
from cipdesk.agenda.rules import NatureRdv, Presence
from cipdesk.comptes.models import Structure, Utilisateur
from cipdesk.core.contrat import Alerte, Evenement, SourceDAlertes, SourceDeChronologie
from cipdesk.core.dates import date_heure_fr
from cipdesk.courriel.envoi import utc
from cipdesk.courriel.models import MessageSortant, StatutMessage
from cipdesk.personnes.models import Personne, StatutPersonne
from cipdesk.security import policy

NATURES_MESSAGES = {"convocation": "Convocation", "rappel": "Rappel", "annulation": "Annulation"}


def perimetre_de(session: Session, utilisateur) -> policy.Perimetre:
    parametres = session.scalar(select(Structure.parametres).where(Structure.id == utilisateur.structure_id)) or {}
    return policy.perimetre(utilisateur, file_active_partagee=bool(parametres.get(policy.PARAMETRE_FILE_ACTIVE_PARTAGEE)))


def garde_rdv(session: Session, utilisateur, rdv: RendezVousPlanifie, modifier: bool) -> bool:
    """The loader's guard (web.chargement)."""
    if modifier:
        return policy.peut_modifier_rendez_vous(utilisateur, rdv)
    voit = False
    if rdv.personne_id is not None and rdv.conseiller_id != utilisateur.id:
        from cipdesk.personnes.queries import garde_personne

        voit = garde_personne(session, utilisateur, rdv.personne, False)
    equipe = session.scalar(select(Utilisateur.equipe_id).where(Utilisateur.id == rdv.conseiller_id))
    return policy.peut_voir_rendez_vous(utilisateur, rdv, voit_la_personne=voit, equipe_du_conseiller=equipe)


def personnes_convocables(session: Session, utilisateur) -> list[Personne]:
    """The people this conseiller may plan a rendez-vous with (their perimeter, file open)."""
    condition = perimetre_de(session, utilisateur).condition(Personne, Utilisateur)
    return list(session.scalars(select(Personne).where(
        condition, Personne.statut.in_((StatutPersonne.ACCUEILLIE, StatutPersonne.ACCOMPAGNEE)))
        .order_by(Personne.nom, Personne.prenom).limit(2000)))


def rdv_entre(session: Session, utilisateur, du: date, au: date) -> list[RendezVousPlanifie]:
    """The conseiller's rendez-vous from `du` to `au` included, cancelled ones too (struck out)."""
    return list(session.scalars(
        select(RendezVousPlanifie).where(RendezVousPlanifie.conseiller_id == utilisateur.id,
                                         RendezVousPlanifie.structure_id == utilisateur.structure_id,
                                         RendezVousPlanifie.le >= du, RendezVousPlanifie.le <= au)
        .options(joinedload(RendezVousPlanifie.personne))
        .order_by(RendezVousPlanifie.le, RendezVousPlanifie.heure).limit(500)))


def titre(rdv: RendezVousPlanifie, *, discret: bool = False) -> str:
    """« Entretien individuel — Martin Léa »; `discret` (the calendar feed, which leaves
    cipdesk): the first name and the initial of the name only."""
    nature = NatureRdv(rdv.nature).libelle
    if rdv.personne is None:
        return f"{nature} — {rdv.lieu}" if rdv.lieu else nature
    p = rdv.personne
    qui = f"{p.prenom} {p.nom[:1]}." if discret else f"{p.nom} {p.prenom}"
    return f"{nature} — {qui}"


def agenda_rendez_vous(session: Session, utilisateur, du: date, au: date) -> list:
    """The contract's agenda hook: this conseiller's rendez-vous between the dates, and those
    before `du` whose attendance is still to note (`en_retard`)."""
    from cipdesk.core.contrat import RendezVous

    if not policy.peut(utilisateur, "agenda.tenir"):
        return []
    lignes = session.scalars(
        select(RendezVousPlanifie).where(
            RendezVousPlanifie.conseiller_id == utilisateur.id, RendezVousPlanifie.annule_le.is_(None),
            RendezVousPlanifie.le <= au, RendezVousPlanifie.le >= du - timedelta(days=14),
            (RendezVousPlanifie.le >= du) | RendezVousPlanifie.presence.is_(None))
        .options(joinedload(RendezVousPlanifie.personne))
        .order_by(RendezVousPlanifie.le, RendezVousPlanifie.heure).limit(200)).all()
    return [RendezVous(r.le, titre(r), "rendez_vous", "agenda.voir", (("rdv_id", r.id),),
                       en_retard=r.le < du and r.presence is None and r.personne_id is not None, heure=r.heure)
            for r in lignes if r.le >= du or r.personne_id is not None]


def _absences(personne_ids, aujourd_hui: date):
    return (select(RendezVousPlanifie.personne_id.label("personne_id"), RendezVousPlanifie.presence.label("texte"),
                   RendezVousPlanifie.le.label("le"), RendezVousPlanifie.heure.label("heure"),
                   RendezVousPlanifie.id.label("objet_id"))
            .where(RendezVousPlanifie.personne_id.in_(personne_ids), RendezVousPlanifie.presence.is_not(None),
                   RendezVousPlanifie.annule_le.is_(None),
                   RendezVousPlanifie.le >= aujourd_hui - timedelta(days=183)))


def _lire_absences(lignes, aujourd_hui: date) -> list[Alerte]:
    par_personne: dict = {}
    # most recent first (rules.absences_repetees; then by rendez-vous: the same ones whatever the ties)
    for l in sorted(lignes, key=lambda l: (l.le, l.heure or time.min, l.objet_id), reverse=True):
        par_personne.setdefault(l.personne_id, []).append(Presence(l.texte))
    return [Alerte(pid, "absences_repetees",
                   f"Rendez-vous non honorés à répétition ({sum(1 for p in ps[:rules.ABSENCES_FENETRE] if p == Presence.NON_HONORE)} "
                   f"sur les {min(len(ps), rules.ABSENCES_FENETRE)} derniers) : reprendre contact avec la personne",
                   2, "personne", pid, "agenda.de_la_personne", (("personne_id", pid),))
            for pid, ps in par_personne.items() if rules.absences_repetees(ps)]


def _classer_absences(personne_ids, aujourd_hui: date, reglages: dict):
    # rules.absences_repetees in SQL: at least ABSENCES_SEUIL no-shows among the ABSENCES_FENETRE latest
    rang = func.row_number().over(partition_by=RendezVousPlanifie.personne_id,
                                  order_by=(RendezVousPlanifie.le.desc(), RendezVousPlanifie.heure.desc(),
                                            RendezVousPlanifie.id.desc()))
    notes = (select(RendezVousPlanifie.personne_id.label("personne_id"), RendezVousPlanifie.presence.label("presence"),
                    rang.label("rang"))
             .where(RendezVousPlanifie.personne_id.in_(personne_ids), RendezVousPlanifie.presence.is_not(None),
                    RendezVousPlanifie.annule_le.is_(None),
                    RendezVousPlanifie.le >= aujourd_hui - timedelta(days=183))
             .subquery("notes"))
    return (select(notes.c.personne_id.label("personne_id"), literal(2).label("gravite"))
            .where(notes.c.rang <= rules.ABSENCES_FENETRE).group_by(notes.c.personne_id)
            .having(func.sum(case((notes.c.presence == Presence.NON_HONORE, 1), else_=0)) >= rules.ABSENCES_SEUIL))


# Repeated no-shows (rules.absences_repetees) over the last 6 months.
alertes_absences = SourceDAlertes(_absences, _lire_absences, _classer_absences)


def _agenda_de(personne_id, lecteur_id):  # noqa: ARG001
    """Two parts: the person's latest 200 rendez-vous, the latest 200 messages written to them."""
    R, M = RendezVousPlanifie, MessageSortant
    rendez_vous = select(literal_column("1", Integer).label("n"), R.id.label("objet_id"), R.le.label("le"),
                         R.created_at.label("saisi"), R.nature.label("texte"), R.heure.label("heure"),
                         R.presence.label("texte2"), R.modalite.label("texte3"),
                         R.annule_le.is_not(None).label("drapeau")) \
        .where(R.personne_id == personne_id).order_by(R.le.desc()).limit(200)
    messages = select(literal_column("2", Integer).label("n"), M.objet_id.label("objet_id"), M.nature.label("texte"),
                      M.statut.label("texte2"), M.motif.label("texte3"), M.cree_le.label("saisi"),
                      M.envoyer_a_partir_du.label("saisi2"), M.envoye_le.label("saisi3")) \
        .where(M.personne_id == personne_id).order_by(M.cree_le.desc()).limit(200)
    return rendez_vous, messages


def _lire_agenda_de(lignes, session, lecteur) -> list[Evenement]:
    evenements = []
    for r in lignes:
        if r.n == 1:
            etat = ("annulé" if r.drapeau else (Presence(r.texte2).libelle.lower() if r.texte2 else "prévu"))
            evenements.append(Evenement(r.le, r.saisi, "rendez_vous",
                                        f"Rendez-vous : {NatureRdv(r.texte).libelle.lower()} à {rules.heure_fr(r.heure)} — {etat}",
                                        rules.Modalite(r.texte3).libelle, "agenda.voir", (("rdv_id", r.objet_id),),
                                        alerte=r.texte2 == Presence.NON_HONORE.value))
            continue
        nature = NATURES_MESSAGES.get(r.texte, r.texte)
        if r.texte2 == StatutMessage.ENVOYE.value:
            titre_, quand = f"{nature} envoyé·e par e-mail", r.saisi3
        elif r.texte2 == StatutMessage.A_ENVOYER.value:
            titre_, quand = f"{nature} par e-mail : envoi prévu le {date_heure_fr(utc(r.saisi2))}", r.saisi
        else:
            titre_, quand = f"{nature} par e-mail non envoyé·e", r.saisi
        evenements.append(Evenement(utc(quand).astimezone(rules.PARIS).date(), utc(quand), "message_personne", titre_,
                                    r.texte3, "agenda.voir" if r.objet_id else "",
                                    (("rdv_id", r.objet_id),) if r.objet_id else (),
                                    alerte=r.texte2 == StatutMessage.ECHEC.value))
    return evenements


# The person's rendez-vous (attendance, cancellation) and every message written to them (a part of
# the person's one timeline statement).
chronologie_agenda = SourceDeChronologie(_agenda_de, _lire_agenda_de)


def consentement(session: Session, personne_id) -> ConsentementCourriel | None:
    return session.scalars(select(ConsentementCourriel).where(ConsentementCourriel.personne_id == personne_id)).first()


def messages_du_rdv(session: Session, rdv_id) -> list[MessageSortant]:
    return list(session.scalars(select(MessageSortant).where(MessageSortant.objet_type == "rendez_vous",
                                                             MessageSortant.objet_id == rdv_id)
                                .order_by(MessageSortant.cree_le)))


def prochain_rdv(session: Session, personne_id, apres: date) -> date | None:
    return session.scalar(select(RendezVousPlanifie.le).where(
        RendezVousPlanifie.personne_id == personne_id, RendezVousPlanifie.annule_le.is_(None),
        RendezVousPlanifie.le > apres).order_by(RendezVousPlanifie.le).limit(1))


def rdv_de_la_personne(session: Session, personne_id) -> list[RendezVousPlanifie]:
    return list(session.scalars(select(RendezVousPlanifie).where(RendezVousPlanifie.personne_id == personne_id)
                                .options(joinedload(RendezVousPlanifie.conseiller))
                                .order_by(RendezVousPlanifie.le.desc(), RendezVousPlanifie.heure.desc()).limit(200)))


def flux_actif(session: Session, utilisateur) -> FluxAgenda | None:
    return session.scalars(select(FluxAgenda).where(FluxAgenda.utilisateur_id == utilisateur.id,
                                                    FluxAgenda.revoque_le.is_(None))).first()


def flux_par_empreinte(session: Session, empreinte: str) -> FluxAgenda | None:
    """The feed a secret names, whoever asks (the feed is read without a session, or from a
    browser logged in elsewhere: the structure's net must not hide it; the secret is the key)."""
    return session.scalars(select(FluxAgenda).where(FluxAgenda.empreinte == empreinte,
                                                    FluxAgenda.revoque_le.is_(None))
                           .execution_options(toutes_structures=True)).first()


def rdv_du_flux(session: Session, flux: FluxAgenda, aujourd_hui: date) -> list[RendezVousPlanifie]:
    """What the feed carries: from 30 days ago to a year ahead, cancelled ones too (so that
    subscribed calendars drop them). Filtered on the feed's own structure explicitly."""
    return list(session.scalars(
        select(RendezVousPlanifie).where(RendezVousPlanifie.conseiller_id == flux.utilisateur_id,
                                         RendezVousPlanifie.structure_id == flux.structure_id,
                                         RendezVousPlanifie.le >= aujourd_hui - timedelta(days=30),
                                         RendezVousPlanifie.le <= aujourd_hui + timedelta(days=366))
        .options(joinedload(RendezVousPlanifie.personne)).order_by(RendezVousPlanifie.le).limit(2000)
        .execution_options(toutes_structures=True)).unique())


def parametres_structure(session: Session, structure_id) -> dict:
    return dict(session.scalar(select(Structure.parametres).where(Structure.id == structure_id)) or {})


def debut_du(rdv) -> datetime:
    return rules.debut(rdv.le, rdv.heure)

