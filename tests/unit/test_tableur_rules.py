"""Rules of the spreadsheets (issue #19): dates (French, ISO, Excel serial), cells by kind,
mapping suggested and checked, formula neutralisation. Pure, no Flask."""
from __future__ import annotations

from datetime import date

import pytest

from cipdesk.core.contrat import ChampImportable as C
from cipdesk.tableur import lecture, rules
from cipdesk.tableur.ecriture import neutraliser

CHAMPS = (C("nom", "Nom", obligatoire=True, synonymes=("nom de famille",)), C("prenom", "Prénom", obligatoire=True),
          C("date_naissance", "Date de naissance", "date", synonymes=("né le",)), C("telephone", "Téléphone", "telephone"))


@pytest.mark.parametrize("texte, attendu", [
    ("07/03/1990", date(1990, 3, 7)), ("7/3/1990", date(1990, 3, 7)), ("07-03-1990", date(1990, 3, 7)),
    ("07.03.90", date(1990, 3, 7)), ("1990-03-07", date(1990, 3, 7)), ("1990-03-07T00:00", date(1990, 3, 7)),
    ("32939", date(1990, 3, 7)),   # Excel serial date
])
def test_dates_francaises_iso_et_series_excel(texte, attendu):
    assert rules.lire_date(texte) == attendu


@pytest.mark.parametrize("texte, message", [("mars 1990", "format de date inconnu"), ("31/02/1990", "n'existe pas"),
                                            ("1990/03/07", "format de date inconnu")])
def test_date_refusee_avec_son_message(texte, message):
    with pytest.raises(ValueError, match=message):
        rules.lire_date(texte)


def test_cellules_par_genre():
    assert rules.convertir("telephone", "612345678") == "+33612345678"     # leading zero lost by a number cell
    assert rules.convertir("telephone", "06 12 34 56 78") == "+33612345678"
    assert rules.convertir("code_postal", "1000") == "01000"
    assert rules.convertir("code_postal", "01000") == "01000"
    assert rules.convertir("email", " Zoe@Exemple.FR ") == "zoe@exemple.fr"
    assert rules.convertir("siret", "732 829 320 00074") == "73282932000074"
    assert rules.convertir("texte", "'=2+2") == "=2+2"    # our own export's neutralisation undone
    assert rules.convertir("texte", "Élodie") == "Élodie"
    for genre, texte in (("telephone", "12"), ("code_postal", "ABCDE"), ("siret", "73282932000075"),
                         ("email", "pas-un-courriel")):
        with pytest.raises(ValueError):
            rules.convertir(genre, texte)


def test_correspondance_suggeree_par_les_en_tetes_puis_par_la_memoire():
    entetes = ["NOM DE FAMILLE", "prénom", "Né le", "Portable", "Tél"]
    assert rules.suggerer(entetes, CHAMPS) == {0: "nom", 1: "prenom", 2: "date_naissance"}
    assert rules.suggerer(entetes, CHAMPS, {"Portable": "telephone"}) == {0: "nom", 1: "prenom", 2: "date_naissance",
                                                                           3: "telephone"}


def test_correspondance_verifiee():
    erreurs = rules.erreurs_de_correspondance({0: "nom", 1: "nom"}, ["Nom", "Nom 2"], CHAMPS)
    assert "« Nom » est associé à deux colonnes" in erreurs[0]
    assert "« Prénom », qui est obligatoire" in erreurs[1]


def test_neutralisation_des_formules():
    assert [neutraliser(v) for v in ("=1+1", "+33", "-5", "@A1", "\tx", "Léa", 3)] == \
        ["'=1+1", "'+33", "'-5", "'@A1", "'\tx", "Léa", 3]


def test_separateur_et_encodage_du_csv():
    [f] = lecture.lire("a.csv", "Nom,Prénom\nÇelik,Anaïs\n".encode("cp1252"))
    assert f.lignes == [["Nom", "Prénom"], ["Çelik", "Anaïs"]]
    [f] = lecture.lire("a.csv", "\ufeffNom;Prénom\tX\nDupont;Léa\tY\n".encode("utf-8"))
    assert f.lignes[1] == ["Dupont", "Léa\tY"]


def _ods(lignes, *, formule: bool = False) -> bytes:
    """A minimal OpenDocument spreadsheet (what LibreOffice writes, reduced to what a reader needs)."""
    import io
    import zipfile

    def cellule(v):
        if isinstance(v, date):
            return (f'<table:table-cell office:value-type="date" office:date-value="{v.isoformat()}">'
                    f"<text:p>{v:%d/%m/%Y}</text:p></table:table-cell>")
        attribut = ' table:formula="of:=[.A1]&amp;[.B1]"' if formule and v == "=" else ""
        return f'<table:table-cell office:value-type="string"{attribut}><text:p>{v}</text:p></table:table-cell>'

    corps = "".join("<table:table-row>" + "".join(cellule(v) for v in l) + "</table:table-row>" for l in lignes)
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2"><office:body>'
               f'<office:spreadsheet><table:table table:name="Personnes">{corps}</table:table></office:spreadsheet>'
               "</office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    sortie = io.BytesIO()
    with zipfile.ZipFile(sortie, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return sortie.getvalue()


def test_ods_lu_avec_ses_dates_et_ses_accents():
    [f] = lecture.lire("personnes.ods", _ods([["Nom", "Prénom", "Né le"], ["Çelik", "Anaïs", date(1990, 3, 7)]]))
    assert f.nom == "Personnes" and f.lignes == [["Nom", "Prénom", "Né le"], ["Çelik", "Anaïs", date(1990, 3, 7)]]
    assert lecture.feuilles_en_json([f])["Personnes"][1][2] == "1990-03-07"


def test_ods_avec_formules_refuse():
    with pytest.raises(lecture.ErreurImport, match="contient des formules"):
        lecture.lire("personnes.ods", _ods([["Nom", "Prénom"], ["Dupont", "="]], formule=True))


def test_un_nom_qui_ne_differe_que_par_la_casse_ou_les_accents_n_ecrase_pas_la_fiche():
    from cipdesk.personnes.rules import ecrase, meme_graphie

    assert meme_graphie("Élodie", "elodie") and meme_graphie("LEFÈVRE", "Lefevre")
    assert meme_graphie("Marie  Anne ", "marie anne")
    assert not meme_graphie("Marie-Anne", "Marie Anne") and not meme_graphie("Dupont", "Dupond")
    assert not ecrase("prenom", "Élodie", "elodie")
    assert not ecrase("nom", "Lefèvre", "LEFEVRE") and not ecrase("nom_usage", "Gómez", "gomez")
    assert ecrase("nom", "Dupont", "Dupond")
    assert ecrase("nom_usage", "", "Martin"), "un nom d'usage absent se complète"
    assert ecrase("commune", "arles", "Arles"), "la règle ne vaut que pour les noms et prénoms"
    assert not ecrase("prenom", "Élodie", "") and not ecrase("telephone", "+33612345678", None)


def test_colonnes_ignorees_celles_qu_aucun_champ_ne_lit_et_qui_ont_du_contenu():
    entetes = ["Nom", "Statut", "Dispositif", "Commune"]
    lignes = [["Roux", "Accompagnée", "", "Arles"], ["Ali", "", "", ""]]
    assert rules.colonnes_ignorees(entetes, lignes, {0: "nom", 3: "commune"}) == ["Statut"]
    assert rules.colonnes_ignorees(entetes, lignes, {0: "nom", 1: "statut", 3: "commune"}) == []


def test_publics_et_niveau_relus_depuis_leurs_libelles_ou_leurs_codes():
    from cipdesk.personnes.imports import lire_niveau, lire_publics

    # A label holds a comma: it is matched whole, not split.
    assert lire_publics("Ressortissant de pays tiers, réfugié ou BPI, Résident en zone rurale") == [
        "pays_tiers", "zrr"]
    assert lire_publics("rsa ; QPV\nrqth") == ["qpv", "rqth", "rsa"]
    assert lire_publics("  ") == ""
    with pytest.raises(ValueError, match="public « etudiant » non reconnu"):
        lire_publics("RSA, étudiant")
    assert lire_niveau("cap, bep, baccalaureat (CITE 3 et 4)") == "cite_3_4"
    assert lire_niveau("Non renseigné") == "inconnu" and lire_niveau("") == ""
    with pytest.raises(ValueError, match="niveau de formation « Bac\\+2 » non reconnu"):
        lire_niveau("Bac+2")
