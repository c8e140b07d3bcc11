"""Pure rules of the employer base and of the candidatures pipeline."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from cipdesk.employeurs.candidatures import rules as cand
from cipdesk.employeurs.candidatures.rules import EtatCandidature as E
from cipdesk.employeurs.entreprises import rules
from cipdesk.employeurs.interactions.rules import action_en_retard, verifier_prochaine_action
from cipdesk.employeurs.offres.rules import verifier_dates_offre

J = date(2026, 12, 1)


def test_siret_valide_et_espaces():
    assert rules.valider_siret("732 829 320 00074") == "73282932000074"


@pytest.mark.parametrize("saisie, morceau", [
    ("73282932000075", "clé de contrôle"),
    ("7328293200007", "14 chiffres"),
    ("7328293200007A", "que des chiffres"),
])
def test_siret_invalide(saisie, morceau):
    with pytest.raises(ValueError, match=morceau):
        rules.valider_siret(saisie)


def test_siret_la_poste_exception_connue():
    # La Poste's establishments: no Luhn key, sum of digits multiple of 5 (python-stdnum)
    assert rules.valider_siret("35600000000048") == "35600000000048"  # head office
    assert rules.valider_siret("35600000049837")
    with pytest.raises(ValueError):
        rules.valider_siret("35600000049838")



def test_formater_siret_comme_stdnum():
    from stdnum.fr import siret as stdnum_siret

    for siret in ("73282932000074", "35600000049837", "44306184100047"):
        assert rules.formater_siret(siret) == stdnum_siret.format(siret) == f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}"
    assert (rules.formater_siret(None), rules.formater_siret(""), rules.formater_siret("123")) == ("", "", "123")

def test_siren():
    assert rules.valider_siren("732 829 320") == "732829320"
    with pytest.raises(ValueError, match="clé"):
        rules.valider_siren("732829321")


def test_naf_nomenclature_complete_et_normalisation():
    naf = rules.nomenclature_naf()
    assert len(naf) == 732
    assert rules.valider_naf("8899b") == "88.99B"
    assert rules.libelle_naf("88.99B") == "Action sociale sans hébergement n.c.a."
    assert rules.section_naf("56.10A") == "Hébergement et restauration"
    with pytest.raises(ValueError, match="n'existe pas"):
        rules.valider_naf("99.99Z")
    with pytest.raises(ValueError, match="deux chiffres"):
        rules.valider_naf("restaurant")
    assert "56.10A" in [p.code for p in rules.chercher_naf("restauration traditionnelle")]


def test_action_en_retard():
    assert action_en_retard(J - timedelta(days=1), None, J)
    assert not action_en_retard(J, None, J)
    assert not action_en_retard(J - timedelta(days=1), J, J)
    assert not action_en_retard(None, None, J)


def test_prochaine_action_et_echeance_vont_ensemble():
    assert verifier_prochaine_action("Rappeler", None, J) == {"echeance": "Donnez une échéance à la prochaine action."}
    assert "prochaine_action" in verifier_prochaine_action("", J, J)
    assert "echeance" in verifier_prochaine_action("Rappeler", J - timedelta(days=1), J)
    assert verifier_prochaine_action("Rappeler", J, J) == {}


def test_cloture_avant_ouverture():
    assert verifier_dates_offre(J, J - timedelta(days=1)) == {
        "cloture_le": "La date de clôture ne peut pas précéder la date d'ouverture de l'offre."}
    assert verifier_dates_offre(J, None) == {}


def test_machine_a_etats():
    assert cand.peut_passer(E.PROPOSEE, E.ENVOYEE)
    assert not cand.peut_passer(E.PROPOSEE, E.EMBAUCHE)
    assert cand.FINALES == {E.REFUSEE, E.ABANDONNEE, E.EMBAUCHE}
    for etat in cand.FINALES:
        assert cand.TRANSITIONS[etat] == ()
    assert "vers" in cand.verifier_transition(E.EMBAUCHE, E.ENVOYEE, None, "", J, J, J)
    assert "motif_refus" in cand.verifier_transition(E.ENVOYEE, E.REFUSEE, None, "", J, J, J)
    assert "commentaire" in cand.verifier_transition(E.ENVOYEE, E.REFUSEE, "autre", "", J, J, J)
    assert cand.verifier_transition(E.ENVOYEE, E.REFUSEE, "poste_pourvu", "", J, J, J) == {}
    assert "le" in cand.verifier_transition(E.PROPOSEE, E.ENVOYEE, None, "", J + timedelta(days=1), J, J)
    assert "le" in cand.verifier_transition(E.PROPOSEE, E.ENVOYEE, None, "", J - timedelta(days=2), J, J)


def test_relance_puis_obsolete():
    assert cand.relance(E.ENVOYEE, J - timedelta(days=14), J, 15) is None
    assert cand.relance(E.ENVOYEE, J - timedelta(days=15), J, 15) == "relance"
    assert cand.relance(E.ENTRETIEN, J - timedelta(days=30), J, 15) == "obsolete"
    assert cand.relance(E.PROPOSEE, J - timedelta(days=90), J, 15) is None
    assert cand.delai_relance({cand.PARAMETRE_DELAI: "7"}) == 7
    assert cand.delai_relance({cand.PARAMETRE_DELAI: "x"}) == cand.DELAI_RELANCE_DEFAUT
