"""The agenda and convocations (issue #18, points 1 to 4) in the module contract: the
blueprint `/agenda/`, its record kinds, the loader's guard, the agenda hook (the home
page's « mes rendez-vous »), the no-show alert, the person's timeline (rendez-vous and
every message), the person's page (action and card), the command that sends the e-mails."""
from __future__ import annotations

from cipdesk.core.contrat import EntreeDeMenu, Lisible, Module, RegleDAcces, TypeObjet
from cipdesk.core.roles import Role
from cipdesk.security import policy


def _fiche(session, personne, lecteur, *, peut_modifier, aujourd_hui):
    from cipdesk.agenda import queries, rules
    from cipdesk.core.fiche import ActionPersonne, Encart, LigneEncart, PartDeFiche

    actions = ((ActionPersonne("Planifier un rendez-vous", "agenda.nouveau", (("personne", personne.id),), ordre=30),)
               if peut_modifier and policy.peut(lecteur, "agenda.tenir") else ())
    a_venir = [r for r in queries.rdv_de_la_personne(session, personne.id) if r.le >= aujourd_hui and not r.annule]
    lignes = tuple(LigneEncart(f"{rules.date_longue(r.le)} à {rules.heure_fr(r.heure)}",
                               f"{queries.titre(r).split(' — ')[0]} avec {r.conseiller.nom_complet}",
                               "agenda.voir", (("rdv_id", r.id),)) for r in sorted(a_venir, key=lambda r: (r.le, r.heure))[:3])
    return PartDeFiche(actions=actions, encarts=(Encart("agenda", "Prochains rendez-vous", lignes,
                                                        "Aucun rendez-vous à venir.", ordre=15,
                                                        endpoint="agenda.de_la_personne",
                                                        params=(("personne_id", personne.id),),
                                                        lien="Rendez-vous et accord pour les e-mails"),))


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
