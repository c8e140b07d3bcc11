"""Import of the répertoire des partenaires (issue #19, point 1): duplicates by the same e-mail or
the same name in the same commune, the same name elsewhere refused, dry run first, all or
nothing, undo."""
from __future__ import annotations

import io
import uuid
from datetime import date

from sqlalchemy import func, select

from cipdesk.tableur.models import ImportTableur
from cipdesk.territoire.partenaires import rules, services
from cipdesk.territoire.partenaires.models import Partenaire

URL = "/tableur/imports/partenaires/nouveau"
ENTETES = "Structure;Type;Adresse;CP;Ville;Contact;Tél;Mail\r\n"
COLONNES = ["nom", "type_partenaire", "adresse", "code_postal", "commune", "contact_nom", "telephone", "email"]


def _deposer(nav, texte: str):
    return nav.post(URL, {"fichier": (io.BytesIO(texte.encode("cp1252")), "partenaires.csv")},
                    content_type="multipart/form-data")


def _essai(nav, url):
    donnees = {"feuille": "CSV", "version": "1"}
    donnees.update({f"colonne-{i}": c for i, c in enumerate(COLONNES)})
    return nav.post(url, donnees)


def _imp(ctx, url) -> ImportTableur:
    ctx.expire_all()
    return ctx.get(ImportTableur, uuid.UUID(url.rsplit("/", 1)[-1]))


def _nb(ctx, structure) -> int:
    return ctx.scalar(select(func.count()).select_from(Partenaire).where(Partenaire.structure_id == structure.id))


def _repertoire(ctx, m):
    ccas = services.enregistrer_partenaire(ctx, par=m.conseiller, donnees=services.DonneesPartenaire(
        nom="CCAS d'Arles", type_partenaire="CCAS", adresse="5 rue Parmentier, 13200 Arles", complet=True))
    ml = services.enregistrer_partenaire(ctx, par=m.conseiller, donnees=services.DonneesPartenaire(
        nom="Mission locale", adresse="2 place Lamartine, 13200 Arles", email="accueil@ml-arles.fr", complet=True))
    ctx.commit()
    return ccas, ml


def test_import_de_partenaires_doublons_essai_a_blanc_et_annulation(nav, fabrique, ctx):
    m = fabrique.monde()
    ccas, ml = _repertoire(ctx, m)
    nav.connexion(m.conseiller.email)
    assert "Partenaires du territoire" in nav.get("/tableur/").get_data(as_text=True)
    fichier = (ENTETES
               + "Secours populaire;Association caritative;12 rue Molière;13200;Arles;Mme Roux;04 90 96 00 00;\r\n"
               + "ccas d'arles;CCAS;;13200;Arles;M. Garcia;;\r\n"
               + "Mission locale du Pays d'Arles;Mission locale;;;;;;ACCUEIL@ml-arles.fr\r\n")
    url = _deposer(nav, fichier).headers["Location"]
    page = nav.get(url).get_data(as_text=True)
    assert 'value="code_postal" selected' in page and 'value="commune" selected' in page
    r = _essai(nav, url)
    assert r.status_code == 303, r.get_data(as_text=True)
    assert _nb(ctx, m.structure) == 2, "l'essai à blanc n'écrit rien"
    analyse = _imp(ctx, url).donnees["analyse"]
    assert [l["etat"] for l in analyse] == ["nouveau", "conflit", "conflit"]
    # Same name, same commune: the case of the name is not a difference; the contact is.
    assert analyse[1]["objet_id"] == str(ccas.id)
    assert analyse[1]["differences"] == [["Personne à contacter", "", "M. Garcia"]]
    # Same e-mail (whatever its case): the fiche renamed.
    assert analyse[2]["objet_id"] == str(ml.id)
    assert ["Nom du partenaire", "Mission locale", "Mission locale du Pays d'Arles"] in analyse[2]["differences"]
    page = nav.get(url).get_data(as_text=True)
    assert "Secours populaire" in page and "Même courriel, ou même nom dans la même commune." in page

    r = nav.post(f"{url}/import", {"version": str(_imp(ctx, url).version), "conflits": "mettre_a_jour"}, depuis=url)
    assert r.status_code == 303, r.get_data(as_text=True)
    ctx.expire_all()
    assert _nb(ctx, m.structure) == 3
    secours = ctx.scalar(select(Partenaire).where(Partenaire.nom == "Secours populaire"))
    assert secours.adresse == "12 rue Molière, 13200 Arles" and secours.telephone == "+33490960000"
    assert ctx.get(Partenaire, ccas.id).nom == "CCAS d'Arles", "la casse d'un nom n'écrase pas la fiche"
    assert ctx.get(Partenaire, ccas.id).contact_nom == "M. Garcia"
    assert ctx.get(Partenaire, ml.id).nom == "Mission locale du Pays d'Arles"

    r = nav.post(f"{url}/annulation", {"version": str(_imp(ctx, url).version)}, depuis=url)
    assert r.status_code == 303, r.get_data(as_text=True)
    ctx.expire_all()
    assert _nb(ctx, m.structure) == 2
    assert ctx.get(Partenaire, ccas.id).contact_nom == ""
    assert ctx.get(Partenaire, ml.id).nom == "Mission locale"


def test_meme_nom_dans_une_autre_commune_doublon_dans_le_fichier_et_site_invalide(nav, fabrique, ctx):
    m = fabrique.monde()
    _repertoire(ctx, m)
    nav.connexion(m.conseiller.email)
    fichier = (ENTETES
               + "CCAS d'Arles;CCAS;;13150;Tarascon;;;\r\n"
               + "Restos du cœur;Association;;13200;Arles;;;restos@exemple.fr\r\n"
               + "Les Restos du Coeur;Association;;13200;Arles;;;RESTOS@exemple.fr\r\n"
               + ";Association;;13200;Arles;;;\r\n")
    url = _deposer(nav, fichier).headers["Location"]
    assert _essai(nav, url).status_code == 303
    analyse = _imp(ctx, url).donnees["analyse"]
    assert [l["etat"] for l in analyse] == ["erreur", "nouveau", "erreur", "erreur"]
    assert "dans une autre commune" in analyse[0]["message"] and "« CCAS d'Arles — Tarascon »" in analyse[0]["message"]
    assert analyse[2]["message"] == "Même partenaire que la ligne 3 du fichier (même nom ou même courriel)."
    assert analyse[3]["message"] == "Le nom du partenaire est obligatoire."
    r = nav.post(f"{url}/import", {"version": str(_imp(ctx, url).version), "conflits": "ignorer"}, depuis=url)
    assert r.status_code == 422
    assert "3 ligne(s) en erreur" in r.get_data(as_text=True)
    assert _nb(ctx, m.structure) == 2, "rien d'importé à moitié"


def test_import_de_partenaires_reserve_a_qui_tient_le_repertoire(nav, fabrique):
    m = fabrique.monde()
    nav.connexion(m.chef.email)
    assert nav.get(URL).status_code == 403
    page = nav.get("/tableur/").get_data(as_text=True)
    assert "/tableur/exports/partenaires.xlsx" in page, "le chef de service exporte le répertoire"
    assert "/tableur/imports/partenaires/nouveau" not in page, "mais ne l'importe pas"


def test_aller_retour_du_repertoire_exporte_puis_reimporte(nav, fabrique, ctx):
    """Exported then imported again untouched: nothing to do; the columns the import does not read
    (date of the last check, « actif ») are named as ignored; an edited contact is an update by id."""
    from openpyxl import load_workbook

    m = fabrique.monde()
    ccas, ml = _repertoire(ctx, m)
    nav.connexion(m.conseiller.email)
    export = nav.get("/tableur/exports/partenaires.xlsx")
    assert export.status_code == 200
    wb = load_workbook(io.BytesIO(export.data))
    f = wb.active
    entetes = [c.value for c in f[1]]
    lignes = {r[1]: r for r in f.iter_rows(min_row=2, values_only=True)}
    assert set(lignes) == {"CCAS d'Arles", "Mission locale"} and lignes["CCAS d'Arles"][0] == str(ccas.id)
    url = nav.post(URL, {"fichier": (io.BytesIO(export.data), "partenaires.xlsx")},
                   content_type="multipart/form-data").headers["Location"]
    page = nav.get(url).get_data(as_text=True)
    assert 'value="id" selected' in page and 'value="contact_nom" selected' in page
    assert "« Actif »" in page, "une colonne exportée mais non relue est signalée"
    import re

    suggestions = dict(re.findall(r'<select id="colonne-(\d+)" name="colonne-\d+">.*?<option value="([a-z_]+)" '
                                  r'selected', page, re.S))
    colonnes = {f"colonne-{i}": code for i, code in suggestions.items()}
    assert nav.post(url, {"feuille": f.title, "version": "1", **colonnes}).status_code == 303
    assert [l["etat"] for l in _imp(ctx, url).donnees["analyse"]] == ["deja_la", "deja_la"]

    f.cell(row=[r[0].value for r in f.iter_rows(min_row=1)].index(str(ml.id)) + 1,
           column=entetes.index("Personne à contacter") + 1, value="Inès Garcia")
    sortie = io.BytesIO()
    wb.save(sortie)
    url = nav.post(URL, {"fichier": (io.BytesIO(sortie.getvalue()), "partenaires.xlsx")},
                   content_type="multipart/form-data").headers["Location"]
    assert nav.post(url, {"feuille": f.title, "version": "1", **colonnes}).status_code == 303
    analyse = _imp(ctx, url).donnees["analyse"]
    assert [(l["etat"], l["differences"]) for l in analyse if l["etat"] != "deja_la"] == [
        ("a_mettre_a_jour", [["Personne à contacter", "", "Inès Garcia"]])]
    assert nav.post(f"{url}/import", {"version": str(_imp(ctx, url).version)}, depuis=url).status_code == 303
    ctx.expire_all()
    assert ctx.get(Partenaire, ml.id).contact_nom == "Inès Garcia"


def test_adresse_complete_et_commune():
    assert rules.adresse_complete("12 rue Molière", "13200", "Arles") == "12 rue Molière, 13200 Arles"
    assert rules.adresse_complete("12 rue Molière, 13200 Arles", "13200", "Arles") == "12 rue Molière, 13200 Arles"
    assert rules.adresse_complete("", "13200", "Arles") == "13200 Arles"
    assert rules.adresse_complete("12 rue Molière", "", "") == "12 rue Molière"
    assert rules.dans_la_commune("5 rue Parmentier, 13200 ARLES", "arles")
    assert not rules.dans_la_commune("5 rue d'Arles, 13150 Tarascon", "Tarasc")
    assert not rules.dans_la_commune("", "Arles")
