"""The agenda and convocations (issue #18, points 1 to 4) in the module contract: the
blueprint `/agenda/`, its record kinds, the loader's guard, the agenda hook (the home
page's « mes rendez-vous »), the no-show alert, the person's timeline (rendez-vous and
every message), the person's page (action and card), the command that sends the e-mails."""
from __future__ import annotations

from cipdesk.core.contrat import EntreeDeMenu, Lisible, Module, RegleDAcces, TypeObjet
from cipdesk.core.fiche import SourceDeFiche
from cipdesk.core.roles import Role
from cipdesk.security import policy


def _rdv_a_venir(personne_id, lecteur_id, aujourd_hui):  # noqa: ARG001
    """The person's next 3 rendez-vous not cancelled, with whom."""
    from sqlalchemy import select

    from cipdesk.agenda.models import RendezVousPlanifie as R
    from cipdesk.comptes.models import Utilisateur

    return select(R.id.label("objet_id"), R.le.label("le"), R.heure.label("heure"), R.nature.label("texte"),
                  Utilisateur.prenom.label("texte2"), Utilisateur.nom.label("texte3")) \
        .outerjoin(Utilisateur, Utilisateur.id == R.conseiller_id) \
        .where(R.personne_id == personne_id, R.le >= aujourd_hui, R.annule_le.is_(None)) \
        .order_by(R.le, R.heure).limit(3)


def _lire_rdv_a_venir(lignes, session, personne, lecteur, *, peut_modifier, aujourd_hui):
    from cipdesk.agenda import rules
    from cipdesk.agenda.rules import NatureRdv
    from cipdesk.core.fiche import ActionPersonne, Encart, LigneEncart, PartDeFiche

    actions = ((ActionPersonne("Planifier un rendez-vous", "agenda.nouveau", (("personne", personne.id),), ordre=30),)
               if peut_modifier and policy.peut(lecteur, "agenda.tenir") else ())
    lignes_ = tuple(LigneEncart(f"{rules.date_longue(r.le)} à {rules.heure_fr(r.heure)}",
                                f"{NatureRdv(r.texte).libelle} avec {r.texte2} {r.texte3}",
                                "agenda.voir", (("rdv_id", r.objet_id),))
                    for r in sorted(lignes, key=lambda r: (r.le, r.heure)))
    return PartDeFiche(actions=actions, encarts=(Encart("agenda", "Prochains rendez-vous", lignes_,
                                                        "Aucun rendez-vous à venir.", ordre=15,
                                                        endpoint="agenda.de_la_personne",
                                                        params=(("personne_id", personne.id),),
                                                        lien="Rendez-vous et accord pour les e-mails"),))


# The next rendez-vous, read in the person page's one statement (core/fiche.py).
_fiche = SourceDeFiche(_rdv_a_venir, _lire_rdv_a_venir)


def _module() -> Module:
    from cipdesk.agenda import chiffres, demo, queries, rgpd
    from cipdesk.agenda.commandes import envoyer_messages
    from cipdesk.agenda.models import RendezVousPlanifie
    from cipdesk.agenda.routes import bp

    return Module(
        code="agenda",
        titre="Agenda",
        blueprints=(bp,),
        chiffres=chiffres.CHIFFRES, clairs=chiffres.CLAIRS,
        acces=(RegleDAcces("agenda.tenir", (Role.CONSEILLER,),
                           "planifier et tenir ses rendez-vous, convoquer (un chef voit ceux de son équipe par les personnes)"),
               RegleDAcces("agenda.regler", (Role.ADMIN,),
                           "régler les convocations de la structure (délai du rappel, adresse, numéro à appeler)")),
        menu=(EntreeDeMenu("Agenda", "agenda.semaine", policy.permission("agenda.tenir"), ordre=5, actif=("agenda.",)),
              EntreeDeMenu("Convocations", "agenda.reglages", policy.permission("agenda.regler"), ordre=95)),
        objets=(TypeObjet("rendez_vous", "rendez-vous", "agenda.voir", "rdv_id"),
                TypeObjet("message_personne", "message envoyé à la personne"),
                TypeObjet("flux_agenda", "adresse d'abonnement à l'agenda")),
        lisibles=(Lisible(RendezVousPlanifie, queries.garde_rdv, audit="rendez_vous"),),
        alertes=(queries.alertes_absences,),
        chronologie=(queries.chronologie_agenda,),
        agenda=(queries.agenda_rendez_vous,),
        fiche_personne=(_fiche,),
        commandes=(envoyer_messages,),
        # issue #18: the person's rights (security/rgpd.py, cipdesk/agenda/rgpd.py)
        export_personne=rgpd.EXPORT, effacement_personne=rgpd.EFFACEMENT,
        demo=demo.remplir_agenda,
    )


MODULE = _module()
