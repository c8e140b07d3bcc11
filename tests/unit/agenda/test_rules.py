"""Pure rules of the agenda (issue #18)."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from cipdesk.agenda import rules
from cipdesk.agenda.rules import Modalite, Presence

P = rules.PARIS


def test_absences_repetees():
    H, E, N = Presence.HONORE, Presence.EXCUSE, Presence.NON_HONORE
    assert not rules.absences_repetees([])
    assert not rules.absences_repetees([N])
    assert not rules.absences_repetees([N, E, H])
    assert rules.absences_repetees([N, N])
    assert rules.absences_repetees([N, H, N])
    assert not rules.absences_repetees([H, H, N, N])  # older than the last three: the person came back


def test_motif_d_abandon():
    debut = datetime(2026, 12, 8, 10, 0, tzinfo=P)
    avant = debut - timedelta(hours=1)
    assert rules.motif_d_abandon(annule=False, debut_=debut, presence=None, maintenant=avant) is None
    assert "annulé" in rules.motif_d_abandon(annule=True, debut_=debut, presence=None, maintenant=avant)
    assert "passé" in rules.motif_d_abandon(annule=False, debut_=debut, presence=None, maintenant=debut)
    assert "Présence" in rules.motif_d_abandon(annule=False, debut_=debut, presence=Presence.EXCUSE, maintenant=avant)


def test_erreurs_du_creneau():
    jour = date(2026, 12, 7)
    ok = dict(le=jour, heure=time(9), duree=60, modalite="structure", lieu="", personne=True, nature="entretien",
              aujourd_hui=jour)
    assert rules.erreurs_du_creneau(**ok) == {}
    assert "le" in rules.erreurs_du_creneau(**{**ok, "le": jour - timedelta(days=1)})
    assert "duree" in rules.erreurs_du_creneau(**{**ok, "duree": 600})
    assert "lieu" in rules.erreurs_du_creneau(**{**ok, "modalite": "entreprise"})
    assert "personne" in rules.erreurs_du_creneau(**{**ok, "personne": False})
    assert rules.erreurs_du_creneau(**{**ok, "personne": False, "nature": "visite_employeur"}) == {}


def test_creneau_et_textes():
    assert rules.debut(date(2026, 3, 29), time(10)).utcoffset() == timedelta(hours=2)  # summer time
    assert rules.moment_du_rappel(datetime(2026, 12, 8, 10, tzinfo=P), 24) == datetime(2026, 12, 7, 10, tzinfo=P)
    assert rules.heure_fr(time(9, 5)) == "9 h 05" and rules.heure_fr(time(14)) == "14 h"
    assert rules.date_longue(date(2026, 12, 1)) == "mardi 1er décembre 2026"
    assert rules.lundi(date(2026, 12, 6)) == date(2026, 11, 30)
    assert rules.creneau_change((1, 2), (1, 3)) and not rules.creneau_change((1, 2), (1, 2))
    assert rules.ou(Modalite.TELEPHONE, "", "", "").startswith("Par téléphone")
    assert rules.ou(Modalite.STRUCTURE, "Bureau 2", "12 rue X, Lille", "") == "Bureau 2, 12 rue X, Lille."
    assert rules.ou(Modalite.DOMICILE, "", "", "3 rue des Tilleuls") == "À votre domicile : 3 rue des Tilleuls."
    sujet, texte = rules.texte_convocation(prenom="Léa", nom="Martin", nature_libelle="Entretien individuel",
                                           le=date(2026, 12, 8), heure=time(10), duree=60, ou_="Bureau 2.",
                                           a_apporter="CV", conseiller="Yannick Dubois", structure="Tremplin",
                                           contact="03 20 45 67 89")
    assert sujet == "Convocation : entretien individuel le mardi 8 décembre 2026 à 10 h"
    assert "À apporter : CV" in texte and "03 20 45 67 89" in texte
