"""Exports of every list (issue #19, point 4): in the reader's perimeter, with the page's
filters, typed cells, autofilter and frozen header, hidden identifier, CSV with BOM and « ; »,
formula injection neutralised, journalled."""
from __future__ import annotations

import csv
import io
from datetime import date, datetime

from openpyxl import load_workbook
from sqlalchemy import select

from cipdesk.core.contrat import registre
from cipdesk.personnes.models import StatutPersonne
from cipdesk.security.audit import Action, JournalAudit
from tests.factories import objets_de_tous_les_modules


def _classeur(reponse):
    assert reponse.status_code == 200, reponse.status_code
    assert reponse.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return load_workbook(io.BytesIO(reponse.get_data())).active


def _csv(reponse):
    assert reponse.status_code == 200
    brut = reponse.get_data()
    assert brut.startswith(b"\xef\xbb\xbf"), "UTF-8 avec BOM"
    return list(csv.reader(io.StringIO(brut.decode("utf-8-sig")), delimiter=";"))


def test_file_active_xlsx_du_perimetre_typee_filtree_et_figee(nav, fabrique, ctx):
    m = fabrique.monde()
    fabrique.personne(m.structure, referent=m.conseiller, nom="Lefèvre", prenom="Zoé", accompagnee=True,
                      date_naissance=date(1990, 3, 7), code_postal="01000", telephone="+33612345678")
    fabrique.personne(m.structure, referent=m.collegue, nom="Autrui", accompagnee=True)
    fabrique.personne(m.autre_structure, referent=m.conseiller_ailleurs, nom="Ailleurs", accompagnee=True)
    nav.connexion(m.conseiller.email)
    f = _classeur(nav.get("/tableur/exports/file_active.xlsx"))
    entetes = [c.value for c in f[1]]
    assert entetes[:3] == ["Identifiant cipdesk (ne pas modifier)", "Nom", "Prénom"]
    noms = [r[1] for r in f.iter_rows(min_row=2, values_only=True)]
    assert noms == ["Lefèvre"], "seulement la file active du lecteur"
    ligne = {e: c for e, c in zip(entetes, f[2])}
    assert ligne["Date de naissance"].value == datetime(1990, 3, 7) and ligne["Date de naissance"].is_date
    assert ligne["Date de naissance"].number_format == "dd/mm/yyyy"
    assert ligne["Code postal"].value == "01000" and ligne["Code postal"].data_type == "s"
    assert f.freeze_panes == "A2" and f.auto_filter.ref.startswith("A1:")
    assert f.column_dimensions["A"].hidden, "la colonne d'identifiant de l'aller-retour est cachée"


def test_file_active_suit_les_filtres_de_la_page(nav, fabrique):
    m = fabrique.monde()
    fabrique.personne(m.structure, referent=m.conseiller, nom="Active", accompagnee=True)
    fabrique.personne(m.structure, referent=m.conseiller, nom="Sortie", statut=StatutPersonne.SORTIE)
    nav.connexion(m.conseiller.email)
    noms = lambda url: [r[1] for r in _csv(nav.get(url))[1:]]  # noqa: E731
    assert noms("/tableur/exports/file_active.csv") == ["Active"]
    assert noms("/tableur/exports/file_active.csv?statut=sortie") == ["Sortie"]
    assert noms("/tableur/exports/file_active.csv?statut=toutes&q=sort") == ["Sortie"]


def test_chef_exporte_son_equipe_admin_refuse(nav, nav_factory, fabrique):
    m = fabrique.monde()
    fabrique.personne(m.structure, referent=m.conseiller, nom="Un", accompagnee=True)
    fabrique.personne(m.structure, referent=m.collegue, nom="Deux", accompagnee=True)
    nav.connexion(m.chef.email)
    assert sorted(r[1] for r in _csv(nav.get("/tableur/exports/file_active.csv"))[1:]) == ["Deux", "Un"]
    admin = nav_factory()
    admin.connexion(m.admin.email)
    assert admin.get("/tableur/exports/file_active.csv").status_code == 403


def test_injection_de_formule_neutralisee(nav, fabrique):
    m = fabrique.monde()
    fabrique.personne(m.structure, referent=m.conseiller, nom='=HYPERLINK("http://x","clic")', prenom="+33",
                      commune="@SUM(A1)", accompagnee=True)
    nav.connexion(m.conseiller.email)
    lignes = _csv(nav.get("/tableur/exports/file_active.csv"))
    assert lignes[0][1] == "Nom"
    assert lignes[1][1] == "'=HYPERLINK(\"http://x\",\"clic\")" and lignes[1][2] == "'+33"
    assert "'@SUM(A1)" in lignes[1]
    f = _classeur(nav.get("/tableur/exports/file_active.xlsx"))
    cellule = f.cell(row=2, column=2)
    assert cellule.data_type == "s" and cellule.value == '=HYPERLINK("http://x","clic")', \
        "dans le XLSX, une cellule de texte n'est jamais une formule"


def test_chaque_export_est_journalise(nav, fabrique, ctx):
    m = fabrique.monde()
    fabrique.personne(m.structure, referent=m.conseiller, nom="Un", accompagnee=True)
    nav.connexion(m.conseiller.email)
    nav.get("/tableur/exports/file_active.xlsx?statut=actives")
    ligne = ctx.scalar(select(JournalAudit).where(JournalAudit.action == Action.EXPORT,
                                                  JournalAudit.objet_type == "liste:file_active"))
    assert ligne is not None and ligne.acteur_id == m.conseiller.id
    assert ligne.details == {"lignes": 1, "format": "xlsx", "filtres": {"statut": "actives"}}


def test_journal_d_audit_pour_l_admin_seulement(nav, nav_factory, fabrique):
    m = fabrique.monde()
    nav.connexion(m.admin.email)
    lignes = _csv(nav.get("/tableur/exports/journal_audit.csv"))
    assert lignes[0][:3] == ["Rang", "Le", "Acteur"] and len(lignes) > 1  # at least the admin's login
    conseiller = nav_factory()
    conseiller.connexion(m.conseiller.email)
    assert conseiller.get("/tableur/exports/journal_audit.xlsx").status_code == 403
    page = conseiller.get("/tableur/").get_data(as_text=True)
    assert "File active" in page and "Journal d&#39;audit" not in page


def test_toutes_les_listes_s_exportent_dans_les_deux_formats(nav, fabrique, ctx):
    m = fabrique.monde()
    objets_de_tous_les_modules(ctx, m, texte_de_la_note="Note secrète 91b")
    nav.connexion(m.conseiller.email)
    codes = [l.code for l in registre.exportables()]
    assert {"file_active", "parcours", "entretiens", "presences_ateliers", "entreprises", "candidatures",
            "integrations", "journal_audit"} <= set(codes)
    remplies = set()
    for l in registre.exportables(m.conseiller):
        f = _classeur(nav.get(f"/tableur/exports/{l.code}.xlsx"))
        assert [c.value for c in f[1]] == [c.libelle for c in l.colonnes], l.code
        reponse = nav.get(f"/tableur/exports/{l.code}.csv")
        assert "Note secrète 91b" not in reponse.get_data().decode("utf-8-sig"), l.code
        lignes = _csv(reponse)
        assert len(lignes) == f.max_row, l.code
        if f.max_row > 1:
            remplies.add(l.code)
    assert {"file_active", "parcours", "entretiens", "entreprises"} <= remplies, remplies


def test_la_file_active_offre_son_export_avec_ses_filtres(nav, fabrique):
    m = fabrique.monde()
    fabrique.personne(m.structure, referent=m.conseiller, nom="Sortie", statut=StatutPersonne.SORTIE)
    nav.connexion(m.conseiller.email)
    html = nav.get("/accueil/?statut=sortie", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "/tableur/exports/file_active.xlsx?" in html and "statut=sortie" in html
