"""Each indicator of the tableau de bord on the small hand-built world of
tests/factories/tableau.py: the expected figures are counted by hand below."""
from __future__ import annotations

import pytest
from sqlalchemy import event

from cipdesk.tableau import queries
from cipdesk.tableau.rules import Filtres
from tests.factories.tableau import AUJ, DEBUT, FIN, monde_du_tableau


@pytest.fixture
def monde(ctx, fabrique):
    return monde_du_tableau(ctx, fabrique)


def _ctx(session, utilisateur, **filtres):
    return queries.contexte(session, utilisateur, AUJ, Filtres(DEBUT, FIN, **filtres))


def _figures(session, contexte, code) -> dict[str, int]:
    return {l.cle: l.nombre for l in queries.chiffres(session, contexte, queries.INDICATEURS[code]).lignes
            if l.nombre}


def test_file_active_par_conseiller(ctx, monde):
    c = _ctx(ctx, monde.chef)
    # A: P1 (since 2025, still open), P2 (exit in March). B: P3, P5, P6 — not P4 (exit in 2025).
    # P7 has no référent, P8 is in another équipe, P9 in another structure.
    assert _figures(ctx, c, "file_active") == {str(monde.a.id): 2, str(monde.b.id): 3}
    assert queries.chiffres(ctx, c, queries.INDICATEURS["file_active"]).total.nombre == 5


def test_entrees_et_sorties_par_mois(ctx, monde):
    c = _ctx(ctx, monde.chef)
    # Entries: P5 in January, P2 in February, P6 in March, P3 in April (P1 started in 2025).
    assert _figures(ctx, c, "entrees") == {"2026-01": 1, "2026-02": 1, "2026-03": 1, "2026-04": 1}
    figures = queries.chiffres(ctx, c, queries.INDICATEURS["entrees"])
    assert [l.cle for l in figures.lignes] == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]
    # Exits: P5 on 31/01, P2 on 20/03, P6 on 15/05 (P4's exit is in 2025).
    assert _figures(ctx, c, "sorties_mois") == {"2026-01": 1, "2026-03": 1, "2026-05": 1}


def test_sorties_par_categorie_et_taux_de_sorties_dynamiques(ctx, monde):
    c = _ctx(ctx, monde.chef)
    figures = queries.chiffres(ctx, c, queries.INDICATEURS["sorties_categorie"])
    assert {l.cle: l.nombre for l in figures.lignes if l.nombre} == {
        "emploi_durable": 1, "autres": 1, "retraits": 1}
    groupes = {l.cle: l.nombre for l in figures.groupes}
    # Counted exits exclude the retrait (P6); dynamic ones: P2's CDI only → 1 / 2 = 50 %.
    assert groupes == {"comptees": 2, "dynamiques": 1}


def test_delais(ctx, monde):
    c = _ctx(ctx, monde.chef)
    accueil = queries.chiffres(ctx, c, queries.INDICATEURS["delai_accueil"]).total
    # P2: recorded 25/01, received 01/02 → 7 ; P3: réunion 10/03, received 25/03 → 15. Mean 11, max 15.
    assert (accueil.nombre, accueil.moyenne, accueil.max_jours) == (2, 11.0, 15)
    diagnostic = queries.chiffres(ctx, c, queries.INDICATEURS["delai_diagnostic"]).total
    # P2: first accueil 01/02, first validation 11/02 → 10 (the second validation does not count).
    assert (diagnostic.nombre, diagnostic.moyenne) == (1, 10.0)
    orientation = queries.chiffres(ctx, c, queries.INDICATEURS["delai_orientation"])
    # Accepted in 10 days (P1), refused in 3 days (P3); the one still waiting is not counted. An orientation
    # closed as expired (never answered) is a result too: its line is shown, empty here.
    assert {l.cle: (l.nombre, l.moyenne) for l in orientation.lignes} == {"acceptee": (1, 10.0),
                                                                          "refusee": (1, 3.0),
                                                                          "expiree": (0, None)}
    entretien = queries.chiffres(ctx, c, queries.INDICATEURS["delai_premier_entretien"]).total
    # P2's parcours from 15/02, first entretien 20/02 → 5 ; the other parcours of the period have none.
    assert (entretien.nombre, entretien.moyenne) == (1, 5.0)


def test_entretiens_par_conseiller(ctx, monde):
    c = _ctx(ctx, monde.chef)
    # A: P1 on 03/02 and 10/03, P2 on 20/02 (P1's entretien of December 2025 is outside the period).
    assert _figures(ctx, c, "entretiens") == {str(monde.a.id): 3}
    assert round(3 / c.filtres.semaines, 3) == round(3 / (181 / 7), 3)


def test_urgences_etapes_en_retard_sans_contact(ctx, monde):
    c = _ctx(ctx, monde.chef)
    # Open urgencies: P1's (60 days), P3's (5 days); P2's was handled, P8 and P9 are outside.
    urgences = queries.chiffres(ctx, c, queries.INDICATEURS["urgences"])
    assert {l.cle: l.nombre for l in urgences.lignes if l.nombre} == {"moins_8_jours": 1, "plus_30_jours": 1}
    assert urgences.total.max_jours == 60
    # Late étapes: P1's (due 10/06: 20 days); not the done one, not the future one, not P6's closed parcours.
    etapes = queries.chiffres(ctx, c, queries.INDICATEURS["etapes_en_retard"])
    assert {l.cle: (l.nombre, l.max_jours) for l in etapes.lignes if l.nombre} == {str(monde.a.id): (1, 20)}
    # No contact for more than 30 days: P3 (parcours since 01/04, no contact: 90 days). P1's last was 20/06.
    sans = queries.chiffres(ctx, c, queries.INDICATEURS["sans_contact"])
    assert {l.cle: (l.nombre, l.max_jours) for l in sans.lignes if l.nombre} == {str(monde.b.id): (1, 90)}


def test_situations_apres_la_sortie(ctx, monde):
    c = _ctx(ctx, monde.chef)
    # P2 (exit 20/03): checked at 3 months, in employment. P5 (exit 31/01): 3-month check due, missing.
    # Neither is due at 6 months yet; P6's retrait is not followed.
    assert _figures(ctx, c, "post_sortie") == {"3:emploi": 1, "3:a_faire": 1}


def test_ateliers(ctx, monde):
    c = _ctx(ctx, monde.chef)
    # Session S1 (A, 2 and 3 March); X's session is another team's, B's was in December 2025.
    assert _figures(ctx, c, "ateliers_sessions") == {str(monde.a.id): 1}
    # Attendance of P1 and P3 (P8 is another team's person): present, late; absent, excused.
    presences = queries.chiffres(ctx, c, queries.INDICATEURS["ateliers_presences"])
    assert {l.cle: l.nombre for l in presences.lignes if l.nombre} == {"present": 1, "retard": 1, "absent": 1,
                                                                        "excuse": 1}
    assert {l.cle: l.nombre for l in presences.groupes} == {"venus": 2}
    assert _figures(ctx, c, "ateliers_objectifs") == {"atteint": 1, "partiel": 1}
    # Satisfaction of S1: 4 and 3 → mean 3.5 (X's session's 1 is not the team's).
    satisfaction = queries.chiffres(ctx, c, queries.INDICATEURS["ateliers_satisfaction"])
    assert {l.cle: l.nombre for l in satisfaction.lignes if l.nombre} == {"4": 1, "3": 1}
    assert satisfaction.total.moyenne == 3.5


def test_prospection_et_recrutement(ctx, monde):
    c = _ctx(ctx, monde.chef)
    # A: a visit and a call in February, B: an e-mail in April; X's visit and A's call of 2025 are not counted.
    assert _figures(ctx, c, "prospection") == {"visite": 1, "appel": 1, "email": 1}
    assert _figures(ctx, c, "offres") == {"publiee": 1}
    # P1 proposed on 16/02 and hired on 01/03; P3 was proposed in December 2025 (refused in January).
    assert _figures(ctx, c, "candidatures") == {"proposees": 1, "embauches": 1}
    assert _figures(ctx, _ctx(ctx, monde.chef, conseiller=str(monde.b.id)), "prospection") == {"email": 1}


def test_integration(ctx, monde):
    c = _ctx(ctx, monde.chef)
    # P1's follow-up: J15 done on 30/03, M1 due 15/04 and not done; M3 (15/07) is not due yet.
    assert _figures(ctx, c, "integration_points") == {"faits": 1, "manques": 1}
    # P1 in progress, P3 broken off; P2's ended in 2025, P8's is another team's.
    assert _figures(ctx, c, "integrations") == {"en_cours": 1, "rompu": 1}


def test_incidents_avec_le_public(ctx, monde):
    c = _ctx(ctx, monde.chef)
    # A's incivility of February and threat of May; X's is another team's, A's of 2025 before the period.
    assert _figures(ctx, c, "incidents") == {"incivilite": 1, "menace": 1}


def test_filtres(ctx, monde):
    # Dispositif PLIE (and its funder, the FSE+): P1 (A), P3 and P6 (B).
    attendu = {str(monde.a.id): 1, str(monde.b.id): 2}
    assert _figures(ctx, _ctx(ctx, monde.chef, dispositif="plie"), "file_active") == attendu
    assert _figures(ctx, _ctx(ctx, monde.chef, financeur="fse"), "file_active") == attendu
    assert _figures(ctx, _ctx(ctx, monde.chef, financeur="etat"), "file_active") == {str(monde.a.id): 1}
    # Public « RSA »: P3 only. Conseiller A: A's people only.
    assert _figures(ctx, _ctx(ctx, monde.chef, public="rsa"), "file_active") == {str(monde.b.id): 1}
    assert _figures(ctx, _ctx(ctx, monde.chef, conseiller=str(monde.a.id)), "file_active") == {str(monde.a.id): 2}
    assert _figures(ctx, _ctx(ctx, monde.chef, equipe=str(monde.e.id)), "file_active") == attendu | {
        str(monde.a.id): 2, str(monde.b.id): 3}
    # A shorter period: March only → P1, P2, P5? no (exit 31/01), P6 → A 2, B 1.
    c = queries.contexte(ctx, monde.chef, AUJ, Filtres(DEBUT.replace(month=3), DEBUT.replace(month=3, day=31)))
    assert _figures(ctx, c, "file_active") == {str(monde.a.id): 2, str(monde.b.id): 1}


def test_le_chef_d_une_autre_structure_ne_voit_rien(ctx, monde):
    c = _ctx(ctx, monde.chef_ailleurs)
    tout = queries.tableau_de_bord(ctx, c)
    # Only P9, in their own structure: its exit and its urgency; nothing of S.
    assert tout["file_active"].total.nombre == 1
    assert tout["urgences"].total.nombre == 1
    assert all(l.cle != str(monde.a.id) for l in tout["file_active"].lignes)


@pytest.mark.parametrize("code", sorted(queries.INDICATEURS))
def test_la_liste_derriere_chaque_chiffre_a_autant_de_lignes(ctx, monde, code):
    c = _ctx(ctx, monde.chef)
    ind = queries.INDICATEURS[code]
    figures = queries.chiffres(ctx, c, ind)
    vus = 0
    for ligne in figures.lignes + figures.groupes:
        ligne_detail, elements = queries.detail(ctx, c, ind, ligne.cle)
        assert len(elements) == ligne.nombre == ligne_detail.nombre, (code, ligne.cle)
        assert all(e.nom in {"Un", "Deux", "Trois", "Cinq", "Six", None} for e in elements)
        vus += ligne.nombre
    assert vus > 0, code
    assert queries.detail(ctx, c, ind, "cle-inconnue") is None


def test_nombre_de_requetes_constant(ctx, monde, fabrique):
    from tests.factories.tableau import Batisseur

    def compter() -> int:
        n = []
        assert monde.chef.structure_id  # loaded before counting (a commit expires it)
        # the account's structure and équipe: read with it by the user loader on every request
        assert monde.chef.structure.parametres is not None and monde.chef.equipe is not None
        engine = ctx.get_bind()
        ecoute = lambda *a, **k: n.append(1)  # noqa: E731
        event.listen(engine, "before_cursor_execute", ecoute)
        try:
            queries.tableau_de_bord(ctx, _ctx(ctx, monde.chef))
        finally:
            event.remove(engine, "before_cursor_execute", ecoute)
        return len(n)

    avant = compter()
    b = Batisseur(ctx, monde.s)
    for i in range(15):
        conseiller = fabrique.utilisateur(monde.s, equipe=monde.e)
        p = b.personne(f"Plus{i}", conseiller, cree_le=DEBUT)
        pc = b.parcours(p, conseiller, DEBUT.replace(month=2))
        b.entretien(pc, conseiller, DEBUT.replace(month=3))
    ctx.commit()
    assert compter() == avant
    # contexte : les conseillers de l'équipe avec la liste des dispositifs (paramètres de la structure et
    # équipe : ceux du compte chargé) ; puis UNE requête pour tous les indicateurs (sous UNION ALL)
    assert avant == 1 + 1
