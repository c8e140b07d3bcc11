"""Pure rules of the person's rights (issue #18): retention dates, settings, the registre."""
from __future__ import annotations

from datetime import date

import pytest

from cipdesk.core.erreurs import ErreurMetier
from cipdesk.droits import rules


def test_plus_mois_fin_de_mois():
    assert rules.plus_mois(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert rules.plus_mois(date(2026, 6, 30), -24) == date(2024, 6, 30)


@pytest.mark.parametrize("mois", [12, 24, 36])
def test_limite_de_reference_est_la_derniere_date_echue(mois):
    aujourd_hui = date(2026, 3, 31)
    limite = rules.limite_de_reference(aujourd_hui, mois)
    assert rules.echeance(limite, limite, mois) <= aujourd_hui
    assert rules.echeance(date.fromordinal(limite.toordinal() + 1), limite, mois) > aujourd_hui
    preavis = rules.limite_de_reference(aujourd_hui, mois, preavis_jours=30)
    assert preavis > limite


def test_la_reference_est_le_dernier_contact_sinon_l_enregistrement():
    assert rules.echeance(None, date(2024, 1, 10), 24) == date(2026, 1, 10)
    assert rules.echeance(date(2025, 2, 1), date(2024, 1, 10), 24) == date(2027, 2, 1)


def test_reglages_par_defaut_et_valeurs_illisibles():
    assert rules.duree_conservation(None) == 24
    assert rules.duree_conservation({"conservation_mois": "abc"}) == 24
    assert rules.duree_provenance({}) == 3 and rules.duree_journal({}) == 12


@pytest.mark.parametrize("valeurs,champ", [((11, 3, 12), "conservation"), ((24, 3, 13), "journal"),
                                          ((24, 0, 12), "provenance"), ((24, 10, 9), "provenance"),
                                          ((None, 3, 12), "conservation")])
def test_durees_refusees(valeurs, champ):
    with pytest.raises(ErreurMetier) as erreur:
        rules.valider_durees(*valeurs)
    assert erreur.value.champ == champ


def test_le_registre_suit_les_reglages():
    traitements = rules.traitements({"conservation_mois": 36, "conservation_provenance_mois": 2}, modules=["Accueil"],
                                    champs_chiffres=80, file_active_partagee=True)
    assert "3 ans après le dernier contact" in traitements[0].duree
    assert "file active partagée" in traitements[0].acces and "80 champs" in traitements[0].donnees
    assert "2 mois pour les adresses IP" in traitements[2].duree
