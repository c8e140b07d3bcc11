"""Tests du référentiel CIP (REAC/RC TP-00403 2018, fiche du titre 2023) : structure et fidélité aux textes."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import pytest

from cipdesk.referentiel import (
    CODES_COMPETENCES,
    REFERENTIEL_2018,
    REFERENTIEL_2023,
    REFERENTIEL_PAR_DEFAUT,
    REFERENTIELS,
    get_referentiel,
    libelle_competence,
)

TOUS = pytest.mark.parametrize("ref", [REFERENTIEL_2018, REFERENTIEL_2023], ids=lambda r: r.code)

CP = tuple(f"CP{n}" for n in range(1, 16))


# --- Structure ------------------------------------------------------------------------------------


def test_registre_et_defaut():
    assert set(REFERENTIELS) == {"reac-2018", "titre-2023"}
    assert REFERENTIEL_PAR_DEFAUT == "reac-2018"
    assert get_referentiel("reac-2018") is REFERENTIEL_2018
    assert get_referentiel("titre-2023") is REFERENTIEL_2023
    assert CODES_COMPETENCES == (*CP, "CT1")


@TOUS
def test_identite(ref):
    assert ref.sigle == "TP-00403"
    assert ref.intitule == "Conseiller en insertion professionnelle"
    assert ref.source


@TOUS
def test_trois_activites_et_regroupement_des_competences(ref):
    assert [a.numero for a in ref.activites] == [1, 2, 3]
    assert ref.activite(1).competences == ("CP1", "CP2", "CP3", "CP4", "CP5")
    assert ref.activite(2).competences == ("CP6", "CP7", "CP8", "CP9", "CP10", "CP11")
    assert ref.activite(3).competences == ("CP12", "CP13", "CP14", "CP15")
    assert all(a.description for a in ref.activites)


@TOUS
def test_quinze_cp_et_une_transversale(ref):
    assert ref.codes_competences == (*CP, "CT1")
    assert [c.numero for c in ref.competences[:15]] == list(range(1, 16))
    (ct,) = ref.transversales()
    assert ct.code == "CT1" and ct.activite is None and ct.est_transversale
    assert ct.intitule == "Intégrer la prévention des risques professionnels dans son travail"


@TOUS
def test_chaque_cp_dans_exactement_une_activite(ref):
    for code in CP:
        porteuses = [a.numero for a in ref.activites if code in a.competences]
        assert porteuses == [ref.competence(code).activite], code
    for a in ref.activites:
        assert tuple(c.code for c in ref.competences_de(a.numero)) == a.competences


@TOUS
def test_chaque_competence_a_des_criteres(ref):
    for c in ref.competences:
        assert c.intitule and c.description, c.code
        assert len(c.criteres_performance) >= 1, c.code
        assert all(isinstance(x, str) and x.strip() == x and x for x in c.criteres_performance)
    for code in CP:
        c = ref.competence(code)
        assert c.contextes, code
        assert len(c.criteres_evaluation) >= 1, code
        assert c.savoir_faire and c.connaissances, code


@TOUS
def test_transversale_evaluee_au_travers_des_cp(ref):
    # RC §3.3 : pas de critère d'évaluation propre, évaluée au travers des 15 CP.
    ct = ref.competence("CT1")
    assert ct.criteres_evaluation == ()
    assert ct.competences_concernees == CP


def test_criteres_evaluation_egaux_aux_criteres_de_performance_sauf_cp5_cp6():
    for code in CP:
        c = REFERENTIEL_2018.competence(code)
        if code in ("CP5", "CP6"):
            assert c.criteres_evaluation != c.criteres_performance
        else:
            assert c.criteres_evaluation == c.criteres_performance, code
    cp6 = REFERENTIEL_2018.competence("CP6")
    assert cp6.criteres_evaluation == cp6.criteres_performance[:6]


def test_donnees_immuables():
    cp1 = REFERENTIEL_2018.competence("CP1")
    assert isinstance(cp1.criteres_performance, tuple) and isinstance(cp1.savoir_faire, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        cp1.intitule = "autre"  # type: ignore[misc]


# --- Productions (RC) -----------------------------------------------------------------------------


@TOUS
def test_dossier_du_titre_en_sept_parties(ref):
    dossier = ref.dossier_titre()
    assert dossier.code == "titre"
    assert (dossier.pages_min, dossier.pages_max) == (32, 42)
    attendu = [
        (1, ("CP3", "CP4"), 5, 7),
        (2, ("CP6", "CP11"), 5, 6),
        (3, ("CP7", "CP8", "CP11"), 5, 6),
        (4, ("CP9", "CP10", "CP11"), 6, 8),
        (5, ("CP12", "CP15"), 5, 7),
        (6, ("CP13",), 4, 5),
        (7, ("CP14",), 2, 3),
    ]
    assert [(p.numero, p.competences, p.pages_min, p.pages_max) for p in dossier.parties] == attendu
    assert sum(p.pages_min for p in dossier.parties) == 32
    assert sum(p.pages_max for p in dossier.parties) == 42
    for p in dossier.parties:
        assert p.contenu and p.source.startswith("RC §3.1"), p.numero
    # Toutes les CP évaluées par le questionnement à partir de production(s) (RC §3.1) sont couvertes.
    assert set(dossier.competences) == set(CP) - {"CP1", "CP2", "CP5"}
    assert dossier.partie(2).contenu[1] == "Cet accompagnement doit avoir fait l'objet a minima de 3 entretiens."


@TOUS
def test_productions_des_ccp(ref):
    assert [p.code for p in ref.productions] == ["titre", "CCP1", "CCP2", "CCP3"]
    ccp1, ccp2, ccp3 = (ref.production(c) for c in ("CCP1", "CCP2", "CCP3"))
    assert (ccp1.pages_min, ccp1.pages_max, len(ccp1.parties)) == (5, 7, 1)
    assert ccp1.parties[0].competences == ("CP3", "CP4", "CP5")
    assert (ccp2.pages_min, ccp2.pages_max, len(ccp2.parties)) == (16, 21, 3)
    assert [(p.competences, p.pages_min, p.pages_max) for p in ccp2.parties] == [
        (("CP6", "CP11"), 5, 6),
        (("CP7", "CP8", "CP11"), 5, 7),
        (("CP9", "CP10", "CP11"), 6, 8),
    ]
    assert (ccp3.pages_min, ccp3.pages_max, len(ccp3.parties)) == (12, 15, 3)
    assert [(p.competences, p.pages_min, p.pages_max) for p in ccp3.parties] == [
        (("CP12", "CP15"), 5, 7),
        (("CP13",), 4, 5),
        (("CP14",), 2, 3),
    ]
    for n, prod in enumerate((ccp1, ccp2, ccp3), start=1):
        assert prod.intitule == ref.activite(n).intitule
        assert set(prod.competences) <= set(ref.activite(n).competences)
        assert sum(p.pages_max for p in prod.parties) == prod.pages_max


# --- Version 2023 ---------------------------------------------------------------------------------


def test_version_2023():
    assert REFERENTIEL_2023.niveau == "5"
    assert REFERENTIEL_2023.provisoire and "provisoire" in REFERENTIEL_2023.intitule_court
    assert REFERENTIEL_2018.niveau.startswith("III")
    assert REFERENTIEL_2023.competence("CP15").intitule == (
        "Inscrire ses actes professionnels dans une démarche de développement durable et inclusive"
    )
    assert REFERENTIEL_2018.competence("CP15").intitule == (
        "Inscrire ses actes professionnels dans une démarche de développement durable"
    )
    assert REFERENTIEL_2023.competence("CP1").intitule == (
        "Informer une personne ou un groupe des ressources en matière d'insertion et des services dématérialisés"
    )
    assert REFERENTIEL_2023.activite(3).intitule.startswith("Mettre en œuvre une offre de services")
    assert REFERENTIEL_2023.production("CCP3").intitule == REFERENTIEL_2023.activite(3).intitule
    for code in CODES_COMPETENCES:
        ancienne, nouvelle = REFERENTIEL_2018.competence(code), REFERENTIEL_2023.competence(code)
        assert nouvelle.criteres_performance == ancienne.criteres_performance
        assert nouvelle.criteres_evaluation == ancienne.criteres_evaluation
        if code not in ("CP1", "CP15"):
            assert nouvelle == ancienne
    assert REFERENTIEL_2023.dossier_titre() == REFERENTIEL_2018.dossier_titre()


# --- Accès et erreurs -----------------------------------------------------------------------------


def test_libelle_competence():
    assert libelle_competence("CP6") == (
        "CP6 — Contractualiser et suivre avec la personne son parcours d'insertion professionnelle"
    )
    assert libelle_competence("CP15", "titre-2023").endswith("développement durable et inclusive")
    assert libelle_competence("CT1").startswith("CT1 — Intégrer la prévention")


@pytest.mark.parametrize("code", ["CP0", "CP16", "CT2", "cp1", ""])
def test_code_de_competence_inconnu(code):
    with pytest.raises(KeyError):
        REFERENTIEL_2018.competence(code)
    with pytest.raises(KeyError):
        libelle_competence(code)


def test_autres_codes_inconnus():
    with pytest.raises(KeyError):
        get_referentiel("reac-2012")
    with pytest.raises(KeyError):
        libelle_competence("CP1", "inconnu")
    with pytest.raises(KeyError):
        REFERENTIEL_2018.activite(4)
    with pytest.raises(KeyError):
        REFERENTIEL_2018.production("CCP4")
    with pytest.raises(KeyError):
        REFERENTIEL_2018.dossier_titre().partie(8)


# --- Libellés exacts (copiés des textes sources) ---------------------------------------------------


def test_libelles_exacts():
    r = REFERENTIEL_2018
    assert r.competence("CP11").criteres_performance == (
        "La description de la situation distingue les faits, les opinions et les émotions",
        "Les facteurs déterminants de la situation sont explicités",
        "Les points forts de la pratique sont valorisés",
        "Les propositions d'ajustement des pratiques sont pertinentes",
    )
    assert r.competence("CP7").criteres_performance[0] == (
        "Les principes éthiques de la relation d'accompagnement sont respectés : "
        "autonomie, justice, bienfaisance, non-malfaisance"
    )
    assert r.competence("CP12").criteres_evaluation[-1] == (
        "L'évaluation de l'action de prospection permet de mesurer les écarts"
    )
    assert r.competence("CP13").criteres_evaluation[3] == "La législation sur la non-discrimination à l'emploi est connue"
    assert r.competence("CP5").criteres_evaluation[1] == (
        "Les écrits professionnels réalisés respectent les principes éthiques"
    )
    assert r.competence("CP6").criteres_performance[-1] == (
        "Les situations de risques professionnels et les moyens pour les prévenir sont identifiés"
    )
    assert r.competence("CT1").criteres_performance[2] == (
        "Les facteurs d'apparition des risques psychosociaux (RPS) sont connus"
    )
    assert r.competence("CP14").contextes.startswith("Cette compétence s'exerce au sein de la structure ou chez l'employeur")
    assert r.competence("CP1").intitule == (
        "Informer une personne ou un groupe sur les ressources en matière d'insertion et les services dématérialisés"
    )
    assert r.dossier_titre().partie(1).contenu[0] == (
        "la structure dans laquelle il a exercé : statut, missions, offre de services, financeurs, "
        "caractéristiques du public accueilli et modalités d'accueil"
    )


# --- Fidélité aux fichiers sources ---------------------------------------------------------------

# The sources the referential was typed from, kept beside the tests (tests/donnees/referentiel/,
# copied from shared/seeds/) so that these checks always run; CIPDESK_SEEDS points elsewhere.
DONNEES = Path(__file__).resolve().parents[1] / "donnees" / "referentiel"
SEEDS = Path(os.environ.get("CIPDESK_SEEDS", DONNEES))
PARTAGE = Path(__file__).resolve().parents[3] / "shared" / "seeds"  # beside the clone, as on CI
REAC = SEEDS / "REAC_referentiel_emploi_activites_competences_CIP.txt"
RC = SEEDS / "RC_referentiel_certification_CIP_TP-00403.txt"
FICHE = SEEDS / "fiche_titre_CIP_resume.txt"


def test_les_sources_sont_la():
    """Never a silent skip: without the sources the fidelity checks below would prove nothing."""
    for chemin in (REAC, RC, FICHE):
        assert chemin.is_file(), f"source du référentiel absente : {chemin}"


@pytest.mark.skipif(not PARTAGE.is_dir(), reason="shared/seeds absent : la copie sous tests/ fait foi")
def test_la_copie_des_sources_suit_shared_seeds():
    for chemin in (REAC, RC, FICHE):
        partage = PARTAGE / chemin.name
        if partage.is_file() and SEEDS == DONNEES:
            assert chemin.read_bytes() == partage.read_bytes(), f"{chemin.name} diffère de shared/seeds"


# Seules corrections apportées à la source : le verbe « Informer » altéré dans les fichiers.
CORRECTIONS = {
    "Informer une personne": "Informé une personne",
    "Informer sur l'accès": "Informé sur l'accès",
    "Informer sur la réglementation": "Informersur la réglementation",
    "Informer les employeurs": "Informers les employeurs",
    "Informer les partenaires": "Informers les partenaires",
}


def _texte(chemin: Path) -> str:
    texte = chemin.read_text(encoding="utf-8")
    texte = re.sub(r"SIGLE\tType de document[^\n]*\n[^\n]*\n", " ", texte)  # pieds de page
    texte = re.sub(r"<[^>]+>", " ", texte)
    return re.sub(r"\s+", " ", texte)


def _normalise(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def _comme_dans_la_source(s: str) -> str:
    for corrige, original in CORRECTIONS.items():
        s = s.replace(corrige, original)
    return _normalise(s)


def test_textes_du_reac_repris_mot_pour_mot():
    reac = _texte(REAC)
    lignes = {ligne.strip() for ligne in REAC.read_text(encoding="utf-8").splitlines()}
    for c in REFERENTIEL_2018.competences:
        assert c.intitule in reac, c.code
        for paragraphe in c.description.split("\n\n"):
            assert _normalise(paragraphe) in reac, c.code
        assert _normalise(c.contextes) in reac, c.code
        for critere in c.criteres_performance:
            assert critere in lignes, (c.code, critere)
        for item in c.savoir_faire + c.connaissances:
            assert _comme_dans_la_source(item) in lignes, (c.code, item)
    for a in REFERENTIEL_2018.activites:
        assert a.intitule in reac
        for paragraphe in a.description.split("\n\n"):
            assert paragraphe in lignes, a.numero


def test_textes_du_rc_repris_mot_pour_mot():
    rc = _texte(RC)
    for code in CP:
        for critere in REFERENTIEL_2018.competence(code).criteres_evaluation:
            assert critere in rc, (code, critere)
    for production in REFERENTIEL_2018.productions:
        for partie in production.parties:
            for element in partie.contenu:
                assert element in rc, (production.code, partie.numero, element)


def test_intitules_2023_de_la_fiche():
    fiche = _texte(FICHE)
    for c in REFERENTIEL_2023.competences[:15]:
        assert f"- {c.intitule} " in fiche, c.code
    for a in REFERENTIEL_2023.activites:
        assert f"CCP - {a.intitule} " in fiche, a.numero
    assert "niveau 5" in fiche
