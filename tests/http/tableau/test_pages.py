"""The tableau de bord's pages: access, the figures on the page, the list behind a figure,
the filters in the URL and their errors, the exports reopened with openpyxl."""
from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from tests.factories.tableau import au_30_juin, monde  # noqa: F401  (fixtures)

PERIODE = "debut=2026-01-01&fin=2026-06-30"


@pytest.mark.parametrize("role,attendu", [("a", 403), ("admin", 403), ("chef", 200), ("chef_ailleurs", 200)])
def test_acces(nav, monde, role, attendu):
    nav.connexion(getattr(monde, role).email)
    assert nav.get(f"/tableau-de-bord/?{PERIODE}").status_code == attendu
    code = nav.get(f"/tableau-de-bord/indicateurs/file_active/{monde.a.id}?{PERIODE}").status_code
    assert code == (403 if attendu == 403 else (200 if role == "chef" else 404))


def test_la_page_montre_les_chiffres_et_chacun_mene_a_sa_liste(nav, monde, au_30_juin):
    nav.connexion(monde.chef.email)
    page = nav.get(f"/tableau-de-bord/?{PERIODE}").get_data(as_text=True)
    assert "File active par conseiller·ère" in page and "<svg" in page
    assert "Anne Arnaud" in page and "Xena" not in page and "Neuf" not in page
    # Taux de sorties dynamiques: 1 dynamic exit out of 2 counted.
    assert "50,0 %" in page
    lien = f"/tableau-de-bord/indicateurs/file_active/{monde.b.id}?debut=2026-01-01&amp;fin=2026-06-30"
    assert lien in page
    liste = nav.get(lien.replace("&amp;", "&")).get_data(as_text=True)
    # B's file active: P3, P5, P6 — three rows, never a note.
    assert liste.count('href="/accueil/personnes/') == 3
    for nom in ("Trois", "Cinq", "Six"):
        assert nom in liste
    assert "Quatre" not in liste


def test_un_chef_d_une_autre_structure_ne_voit_rien(nav, monde, au_30_juin):
    nav.connexion(monde.chef_ailleurs.email)
    page = nav.get(f"/tableau-de-bord/?{PERIODE}").get_data(as_text=True)
    assert "Anne Arnaud" not in page and "Bruno" not in page
    assert nav.get(f"/tableau-de-bord/indicateurs/file_active/{monde.b.id}?{PERIODE}").status_code == 404


def test_filtres_dans_l_url(nav, monde, au_30_juin):
    nav.connexion(monde.chef.email)
    page = nav.get(f"/tableau-de-bord/?{PERIODE}&dispositif=plie").get_data(as_text=True)
    assert '<option value="plie" selected>' in page
    assert "dispositif=plie" in page   # the links behind the figures keep the filters
    liste = nav.get(f"/tableau-de-bord/indicateurs/file_active/{monde.b.id}?{PERIODE}&dispositif=plie")
    assert liste.get_data(as_text=True).count('href="/accueil/personnes/') == 2   # P3, P6 (P5 is CEJ)


@pytest.mark.parametrize("requete,champ,message", [
    ("debut=2026-06-30&fin=2026-01-01", "fin", "La fin de la période doit être postérieure à son début."),
    ("debut=31/02/2026&fin=2026-06-30", "debut", "Indiquez une date valide"),
    (f"{PERIODE}&conseiller=inconnu", "conseiller", "Choisissez une valeur de la liste."),
])
def test_mauvaise_saisie_des_filtres(nav, monde, requete, champ, message):
    nav.connexion(monde.chef.email)
    reponse = nav.get(f"/tableau-de-bord/?{requete}")
    html = reponse.get_data(as_text=True)
    assert reponse.status_code == 422
    assert message in html and f'id="filtre-{champ}-erreur"' in html
    # What was typed is shown back.
    tape = dict(p.split("=") for p in requete.split("&"))[champ]
    assert f'value="{tape}"' in html or tape == "inconnu"
    assert "File active par conseiller·ère —" not in html   # no figure on a wrong period


def test_un_conseiller_d_une_autre_equipe_n_est_pas_un_choix(nav, monde):
    nav.connexion(monde.chef.email)
    reponse = nav.get(f"/tableau-de-bord/?{PERIODE}&conseiller={monde.x.id}")
    assert reponse.status_code == 422


def test_export_xlsx_rouvert_avec_openpyxl(nav, monde, au_30_juin):
    nav.connexion(monde.chef.email)
    reponse = nav.get(f"/tableau-de-bord/indicateurs/delai_orientation.xlsx?{PERIODE}")
    assert reponse.status_code == 200
    feuille = load_workbook(io.BytesIO(reponse.data)).active
    lignes = list(feuille.iter_rows(values_only=True))
    assert lignes[0][:4] == ("Libellé", "Nombre (orientations)", "Moyenne (jours)", "Maximum (jours)")
    acceptee = next(l for l in lignes if l[0] == "Acceptée")
    assert acceptee[1] == 1 and isinstance(acceptee[1], int)
    assert acceptee[2] == 10 and isinstance(acceptee[2], (int, float))
    assert isinstance(acceptee[-1], datetime) and acceptee[-1].date() == date(2026, 6, 30)
    assert lignes[-1][0] == "Total" and lignes[-1][1] == 2


def test_export_csv_pour_un_tableur_francais(nav, monde, au_30_juin):
    nav.connexion(monde.chef.email)
    reponse = nav.get(f"/tableau-de-bord/indicateurs/delai_orientation.csv?{PERIODE}")
    assert reponse.data.startswith("\ufeff".encode())
    lignes = list(csv.reader(io.StringIO(reponse.data.decode("utf-8-sig")), delimiter=";"))
    assert lignes[0][0] == "Libellé"
    assert ["Acceptée", "1", "10,0", "10", "01/01/2026", "30/06/2026"] in lignes


def test_export_de_la_liste_neutralise_les_formules_et_garde_les_dates(nav, monde, ctx, au_30_juin):
    from cipdesk.personnes.models import Personne

    p = ctx.get(Personne, monde.p3.id)
    p.nom = "=HYPERLINK(\"http://x\")"
    ctx.commit()
    nav.connexion(monde.chef.email)
    url = f"/tableau-de-bord/indicateurs/sans_contact/{monde.b.id}"
    feuille = load_workbook(io.BytesIO(nav.get(f"{url}.xlsx?{PERIODE}").data)).active
    lignes = list(feuille.iter_rows(values_only=True))
    assert len(lignes) == 2   # header + P3
    assert lignes[1][0] == "'=HYPERLINK(\"http://x\")"
    assert isinstance(lignes[1][3], datetime) and lignes[1][4] == 90
    texte = nav.get(f"{url}.csv?{PERIODE}").data.decode("utf-8-sig")
    assert "'=HYPERLINK" in texte and ";01/04/2026;90" in texte


def test_cle_inconnue_et_indicateur_inconnu(nav, monde):
    nav.connexion(monde.chef.email)
    assert nav.get(f"/tableau-de-bord/indicateurs/file_active/nimporte?{PERIODE}").status_code == 404
    assert nav.get(f"/tableau-de-bord/indicateurs/inconnu/tous?{PERIODE}").status_code == 404
    assert nav.get(f"/tableau-de-bord/indicateurs/inconnu.csv?{PERIODE}").status_code == 404


def test_candidats_au_titre_de_l_equipe(nav, monde, fabrique, ctx):
    from datetime import date as jour

    from cipdesk.competences.models import PreuveCompetence, SourcePreuve
    from cipdesk.core.db import utcnow

    candidat = fabrique.utilisateur(monde.s, equipe=monde.e, candidat=True, nom="Candide", prenom="Camille")
    ailleurs = fabrique.utilisateur(monde.s, equipe=monde.e2, candidat=True, nom="Lointain", prenom="Léo")
    for code, objet, retiree in (("CP1", monde.p1.id, None), ("CP1", monde.p2.id, None), ("CP6", monde.p1.id, None),
                                 ("CP9", monde.p1.id, utcnow()), ("CT1", monde.p1.id, None)):
        ctx.add(PreuveCompetence(structure_id=monde.s.id, utilisateur_id=candidat.id, competence_code=code,
                                 objet_type="entretien", objet_id=objet, date_activite=jour(2026, 3, 1),
                                 source=list(SourcePreuve)[0], retiree_le=retiree))
    ctx.commit()
    nav.connexion(monde.chef.email)
    page = nav.get(f"/tableau-de-bord/?{PERIODE}").get_data(as_text=True)
    # CP1 and CP6 (the withdrawn CP9 and the transversal CT1 do not count); the other team's candidat is not shown.
    assert "Camille Candide" in page and "2 / 15" in page
    assert "Lointain" not in page


def test_le_fragment_htmx_est_le_bloc_de_la_page(nav, monde, au_30_juin):
    nav.connexion(monde.chef.email)
    page = nav.get(f"/tableau-de-bord/?{PERIODE}&dispositif=plie").get_data(as_text=True)
    fragment = nav.get(f"/tableau-de-bord/?{PERIODE}&dispositif=plie", headers={"HX-Request": "true"})
    html = fragment.get_data(as_text=True)
    assert "HX-Request" in fragment.headers["Vary"]
    assert html.lstrip().startswith('<div id="tableau">') and "<html" not in html
    assert html.strip() in page   # the same markup the full page holds: no second copy


def test_nombre_de_requetes_de_la_page_ne_depend_pas_de_l_equipe(nav, monde, ctx, fabrique, app, au_30_juin):
    from sqlalchemy import event

    from cipdesk.core.db import db
    from tests.factories.tableau import DEBUT, Batisseur

    def compter() -> int:
        n = []
        with app.app_context():
            engine = db.engine
        ecoute = lambda *a, **k: n.append(1)  # noqa: E731
        event.listen(engine, "before_cursor_execute", ecoute)
        try:
            assert nav.get(f"/tableau-de-bord/?{PERIODE}").status_code == 200
        finally:
            event.remove(engine, "before_cursor_execute", ecoute)
        return len(n)

    nav.connexion(monde.chef.email)
    compter()
    avant = compter()
    b = Batisseur(ctx, monde.s)
    for i in range(12):
        conseiller = fabrique.utilisateur(monde.s, equipe=monde.e)
        p = b.personne(f"Autre{i}", conseiller, cree_le=DEBUT)
        pc = b.parcours(p, conseiller, DEBUT.replace(month=2))
        b.entretien(pc, conseiller, DEBUT.replace(month=3))
        b.urgence(p, DEBUT.replace(month=5))
    ctx.commit()
    assert compter() == avant


def test_alertes_de_charge_ouvertes_de_l_equipe(nav, monde, ctx, au_30_juin):
    from cipdesk.pratique.prevention.models import AlerteCharge

    for auteur, equipe, pris in ((monde.b, monde.e, False), (monde.a, monde.e, True), (monde.x, monde.e2, False)):
        ctx.add(AlerteCharge(structure_id=monde.s.id, auteur_id=auteur.id, equipe_id=equipe.id, file_active=52,
                             norme=40, entretiens_semaine=21, en_retard=7,
                             prise_en_compte_le=datetime(2026, 6, 2, 9) if pris else None))
    ctx.commit()
    nav.connexion(monde.chef.email)
    page = nav.get(f"/tableau-de-bord/?{PERIODE}").get_data(as_text=True)
    # B's open alert; A's was acknowledged, X is in another team.
    assert "Alertes de charge de travail à prendre en compte" in page
    bloc = page.split('id="titre-alertes-charge"')[1].split("</section>")[0]
    assert "Bruno Bernard" in bloc and "Anne Arnaud" not in bloc and "Xena" not in bloc
    assert "file active 52 pour une norme de 40" in bloc


# The queries of each view beyond those of any page (the account, the session: counted on a page
# without a query of its own, so that a change of the common cost does not move these figures):
# the context (the team's conseillers with the dispositifs list; the structure's settings and the chef's
# équipe are the loaded account's), ONE query for all the view's indicators, the open workload alerts with
# their authors; the first view adds the team's candidats. « À surveiller aujourd'hui » is left to its own tests.
REQUETES_PROPRES = {"activite": 4, "delais": 3, "apres-sortie": 3, "ateliers": 3, "prospection": 3,
                    "integration": 3, "prevention": 3}


def test_nombre_de_requetes_de_chaque_vue(nav, monde, app, au_30_juin):
    from tests.http.requetes import compter_requetes

    nav.connexion(monde.chef.email)
    compter_requetes(app, nav, "/referentiel/")
    commun = compter_requetes(app, nav, "/referentiel/")
    for slug, attendu in REQUETES_PROPRES.items():
        url = f"/tableau-de-bord/?section={slug}&{PERIODE}"
        compter_requetes(app, nav, url)
        assert compter_requetes(app, nav, url) - commun == attendu, slug
    # the funders' report: the context (with the dispositifs list), the participants, the exits by category
    # and motive (one query);
    # the caseload balance: the context (without the dispositifs list: no filter there) with the caseloads,
    # the people without a référent
    for url, attendu in ((f"/tableau-de-bord/financeurs?{PERIODE}", 3), ("/tableau-de-bord/portefeuilles", 2)):
        compter_requetes(app, nav, url)
        assert compter_requetes(app, nav, url) - commun == attendu, url
