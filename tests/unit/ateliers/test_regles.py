"""Issue 12: the pure rules of the ateliers (CP9, CP10), no database."""
from __future__ import annotations

from datetime import time

import pytest

from cipdesk.ateliers.conception import rules as conception
from cipdesk.ateliers.evaluations.rules import Resultat, moyenne, repartition
from cipdesk.ateliers.presences.rules import StatutPresence, minutes_suivies, taux
from cipdesk.ateliers.sessions import rules as sessions
from cipdesk.ateliers.sessions.rules import Periode


def test_les_enums_ont_des_libelles_francais():
    assert conception.Methode.ACTIVE.libelle == "Active / expérientielle"
    assert conception.Modalite.SOUS_GROUPES.libelle == "En sous-groupes"
    assert StatutPresence.RETARD.libelle == "En retard"
    assert all(m.libelle != m.value for e in (conception.Methode, conception.Modalite, conception.Origine,
                                              StatutPresence, Resultat, Periode) for m in e)


@pytest.mark.parametrize("minutes,texte", [(0, "0 min"), (45, "45 min"), (120, "2 h"), (210, "3 h 30"), (65, "1 h 05")])
def test_duree_texte(minutes, texte):
    assert conception.duree_texte(minutes) == texte


def test_places_min_et_max():
    assert conception.erreurs_places(6, 12) == {}
    assert "dépasse le maximum" in conception.erreurs_places(13, 12)["places_min"]
    assert "au moins 1" in conception.erreurs_places(0, 0)["places_max"]


def test_une_sequence_tient_dans_la_demi_journee_et_dans_la_session():
    assert conception.erreur_sequence(60, 180) is None
    assert "au moins 5 minutes" in conception.erreur_sequence(0, 180)
    assert "plus longue qu'une demi-journée" in conception.erreur_sequence(300, 600)
    assert "plus longue que la session prévue" in conception.erreur_sequence(120, 90)


def test_la_duree_totale_est_un_avertissement():
    assert conception.avertissement_duree(180, 180) is None
    assert conception.avertissement_duree(200, None) is None
    assert "plus que la durée prévue (3 h)" in conception.avertissement_duree(210, 180)
    assert "il reste 1 h à construire" in conception.avertissement_duree(120, 180)


def test_deplacer_une_sequence():
    assert conception.deplacer(["a", "b", "c"], "b", -1) == ["b", "a", "c"]
    assert conception.deplacer(["a", "b", "c"], "b", 1) == ["a", "c", "b"]
    assert conception.deplacer(["a", "b", "c"], "a", -1) == ["a", "b", "c"]
    assert conception.deplacer(["a", "b", "c"], "c", 1) == ["a", "b", "c"]


def test_demi_journees():
    assert sessions.erreurs_demi_journee(Periode.MATIN, time(9), time(12)) == {}
    assert sessions.erreurs_demi_journee(Periode.APRES_MIDI, time(13, 30), time(16, 30)) == {}
    assert "postérieure" in sessions.erreurs_demi_journee(Periode.MATIN, time(11), time(9))["fin"]
    assert "postérieure" in sessions.erreurs_demi_journee(Periode.MATIN, time(9), time(9))["fin"]
    assert "au plus 4 h" in sessions.erreurs_demi_journee(Periode.MATIN, time(8), time(12, 30))["fin"]
    assert "14 h" in sessions.erreurs_demi_journee(Periode.MATIN, time(11), time(15))["fin"]
    assert "12 h" in sessions.erreurs_demi_journee(Periode.APRES_MIDI, time(9), time(12))["debut"]
    assert sessions.minutes(time(9), time(12, 30)) == 210


def test_capacite():
    assert sessions.erreur_capacite(10, 8) is None
    assert sessions.erreur_capacite(8, 8) is None
    assert "inférieure au nombre de participants déjà inscrits (9)" in sessions.erreur_capacite(8, 9)
    assert "au moins 1" in sessions.erreur_capacite(0, 0)
    assert sessions.places_restantes(10, 12) == 0


def test_presences_et_evaluations():
    lignes = [(StatutPresence.PRESENT, 180), (StatutPresence.RETARD, 180), (StatutPresence.ABSENT, 180),
              (StatutPresence.EXCUSE, 180), (None, 180)]
    assert minutes_suivies(lignes) == 360
    assert taux(3, 4) == 75.0 and taux(0, 0) is None
    assert repartition([Resultat.ATTEINT, Resultat.ATTEINT, Resultat.PARTIEL]) == {
        Resultat.ATTEINT: 2, Resultat.PARTIEL: 1, Resultat.NON_ATTEINT: 0}
    assert moyenne([3, 4]) == 3.5 and moyenne([]) is None


def test_moment_du_questionnaire_de_satisfaction():
    from datetime import date

    from cipdesk.ateliers.evaluations.rules import Moment, date_a_froid, erreur_moment

    debut, fin = date(2026, 11, 2), date(2026, 11, 9)
    assert erreur_moment(None, debut, fin, None, date(2026, 11, 10)).startswith("Choisissez le questionnaire")
    assert "pas encore commencé" in erreur_moment(Moment.A_CHAUD, debut, fin, None, date(2026, 11, 1))
    assert erreur_moment(Moment.A_CHAUD, debut, fin, None, debut) is None
    assert "après la dernière demi-journée" in erreur_moment(Moment.A_FROID, debut, fin, None, fin)
    assert erreur_moment(Moment.A_FROID, debut, fin, None, date(2026, 11, 10)) is None
    assert date_a_froid(fin, 4) == date(2026, 12, 7) and date_a_froid(fin, None) is None
    assert erreur_moment(Moment.A_FROID, debut, fin, 4, date(2026, 12, 6)) == (
        "Le suivi à froid est prévu 4 semaines après la session, à partir du 07/12/2026.")
    assert erreur_moment(Moment.A_FROID, debut, fin, 4, date(2026, 12, 7)) is None


def test_lien_du_questionnaire():
    from datetime import datetime, timedelta, timezone

    from cipdesk.ateliers.questionnaire.rules import erreur_du_lien, plafond_de_reponses

    t = datetime(2026, 12, 1, 10, tzinfo=timezone.utc)
    ouvert = dict(expire_le=t + timedelta(hours=2), revoque_le=None, reponses=3, plafond=8)
    assert erreur_du_lien(**ouvert, maintenant=t) is None
    assert erreur_du_lien(**ouvert, maintenant=t + timedelta(hours=2)) == "Ce lien a expiré."
    # SQLite gives the instant back without its zone: read as UTC, not as local time
    assert erreur_du_lien(**dict(ouvert, expire_le=(t + timedelta(hours=2)).replace(tzinfo=None)),
                          maintenant=t.astimezone(timezone(timedelta(hours=1)))) is None
    assert "fermé" in erreur_du_lien(**dict(ouvert, revoque_le=t), maintenant=t)
    assert "déjà répondu" in erreur_du_lien(**dict(ouvert, reponses=8), maintenant=t)
    assert plafond_de_reponses(0) == 1 and plafond_de_reponses(12) == 12


def test_le_moment_d_un_questionnaire_n_a_pas_de_valeur_par_defaut():
    """It feeds the figures of à chaud and à froid: always chosen, never assumed (model and form)."""
    from cipdesk.ateliers.evaluations.forms import SatisfactionForm
    from cipdesk.ateliers.evaluations.models import Satisfaction
    from cipdesk.ateliers.questionnaire.forms import LienForm

    colonne = Satisfaction.__table__.c.moment
    assert colonne.default is None and colonne.server_default is None and not colonne.nullable
    for form in (SatisfactionForm, LienForm):
        assert form.moment.kwargs["choices"][0].value == ""   # « — choisir — » first, nothing selected


def test_reordonner_la_progression():
    """Issue #12, point 3: the order dropped is taken as is when it holds the same séquences,
    each once; otherwise (a séquence added or removed meanwhile, a double) nothing moves."""
    from cipdesk.ateliers.conception.rules import reordonner
    from cipdesk.core.erreurs import ErreurMetier

    assert reordonner(["a", "b", "c"], ["c", "a", "b"]) == ["c", "a", "b"]
    for demande in (["a", "b"], ["a", "b", "c", "d"], ["a", "a", "b"], ["a", "b", "x"]):
        with pytest.raises(ErreurMetier, match="La progression a changé"):
            reordonner(["a", "b", "c"], demande)
