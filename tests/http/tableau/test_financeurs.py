"""The funders' report on the hand-built world: FSE+ data at entry by sex, the completeness
check, the PLIE and IAE exits; its XLSX reopened with openpyxl and its PDF read back."""
from __future__ import annotations

import io
import subprocess
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from cipdesk.personnes.models import NiveauFormation, Personne, Sexe
from cipdesk.tableau import fse, queries
from cipdesk.tableau.rules import Filtres
from tests.factories.tableau import AUJ, DEBUT, FIN, monde_du_tableau

PERIODE = "debut=2026-01-01&fin=2026-06-30"


@pytest.fixture
def monde(ctx, fabrique):
    m = monde_du_tableau(ctx, fabrique)
    for p, sexe, naissance, niveau, publics in (
            (m.p2, Sexe.FEMME, date(1998, 3, 1), NiveauFormation.CITE_3_4, ["deld", "rqth"]),
            (m.p3, Sexe.HOMME, date(1970, 5, 1), NiveauFormation.CITE_0_2, ["rsa", "pays_tiers", "deld"]),
            (m.p5, Sexe.FEMME, date(2008, 9, 1), NiveauFormation.INCONNU, ["sans_abri", "zrr"])):
        personne = ctx.get(Personne, p.id)
        personne.sexe, personne.date_naissance, personne.niveau_formation, personne.publics = (sexe, naissance,
                                                                                                niveau, publics)
    ctx.commit()
    return m


def test_donnees_fse_par_sexe(ctx, monde):
    c = queries.contexte(ctx, monde.chef, AUJ, Filtres(DEBUT, FIN))
    participants = queries.participants_fse(ctx, c)
    # Entered in the period: P5 (10/01), P2 (15/02), P6 (01/03), P3 (01/04). P1 entered in 2025.
    assert sorted(p.nom for p in participants) == ["Cinq", "Deux", "Six", "Trois"]
    lignes = {l.code: (l.par_sexe, l.total) for l in fse.tableau_fse(participants)}
    assert lignes["participants"] == ({"femme": 2, "homme": 1, "non_renseigne": 1}, 4)
    # P2 (27 at entry), P3 (55: born in May, entered in April), P5 (17).
    assert lignes["18_29"] == ({"femme": 1, "homme": 0, "non_renseigne": 0}, 1)
    assert lignes["55_plus"][0]["homme"] == 1 and lignes["moins_18"][0]["femme"] == 1
    assert lignes["age_inconnu"][0]["non_renseigne"] == 1
    assert lignes["chomeur_longue_duree"] == ({"femme": 1, "homme": 1, "non_renseigne": 0}, 2)
    assert lignes["niveau_inconnu"][1] == 2 and lignes["cite_0_2"][0]["homme"] == 1
    assert (lignes["handicap"][1], lignes["pays_tiers"][1], lignes["sans_abri"][1], lignes["zone_rurale"][1]) == (
        1, 1, 1, 1)
    # Incomplete: P5 (already out on 31/01) and P6 (out on 15/05); P2 and P3 are complete.
    assert [(p.nom, p.sortie) for p, _m in fse.completude(participants)] == [
        ("Cinq", date(2026, 1, 31)), ("Six", date(2026, 5, 15))]
    # Exits of the period by PLIE category: P2's CDI, P5's chômage, P6's retraite.
    plie = {code: n for code, _l, n in fse.sorties_plie(queries.motifs_de_sortie(ctx, c))}
    assert plie == {"emploi": 1, "formation": 0, "autres": 1, "neutralisees": 1}


def test_page_xlsx_et_pdf(nav, monde):
    from cipdesk.core import dates

    dates.regler_horloge(lambda: datetime(2026, 6, 30, 12, tzinfo=dates.PARIS))
    try:
        nav.connexion(monde.chef.email)
        page = nav.get(f"/tableau-de-bord/financeurs?{PERIODE}").get_data(as_text=True)
        assert "Participants entrés dans la période" in page and "2 participants sur 4" in page
        feuille = load_workbook(io.BytesIO(nav.get(f"/tableau-de-bord/financeurs.xlsx?{PERIODE}").data)).active
        lignes = list(feuille.iter_rows(values_only=True))
        participants = next(l for l in lignes if l[1] == "Participants entrés dans la période")
        assert participants[2:6] == (2, 1, 1, 4) and isinstance(participants[6], datetime)
        reponse = nav.get(f"/tableau-de-bord/financeurs.pdf?{PERIODE}")
        assert reponse.headers["Content-Type"] == "application/pdf"
        texte = subprocess.run(["pdftotext", "-layout", "-", "-"], input=reponse.data, capture_output=True,
                               check=True).stdout.decode()
        assert "Bilan pour les financeurs" in texte and "du 01/01/2026 au 30/06/2026" in texte
        assert "Cinq" not in texte and "Six" not in texte     # figures only, no name
    finally:
        dates.regler_horloge(lambda: datetime.combine(date.today(), datetime.now().time(), tzinfo=dates.PARIS))


@pytest.mark.parametrize("role,attendu", [("a", 403), ("admin", 403), ("chef", 200)])
def test_acces(nav, monde, role, attendu):
    nav.connexion(getattr(monde, role).email)
    assert nav.get(f"/tableau-de-bord/financeurs?{PERIODE}").status_code == attendu
    assert nav.get(f"/tableau-de-bord/financeurs.pdf?{PERIODE}").status_code == attendu
