"""The pseudonymisation engine of the dossier (issue #16, point 5): pure rules, no Flask."""
from __future__ import annotations

from datetime import date

import pytest

from cipdesk.dossier.pseudonymisation.rules import (
    Correction, Nature, TableIdentifiants, alias, date_relative, entreprise_generalisee, mois_annee, normaliser,
    pseudonymiser, restes, section_du_code_naf, telephone_normalise, tranche_d_age, tranche_d_effectif)

LE = date(2026, 12, 1)


def _table() -> TableIdentifiants:
    t = TableIdentifiants()
    t.ajouter_personne(personne_id=1, alias=alias(0, "femme"), nom="Dupont-Martin", nom_usage="Durand",
                       prenom="Élodie", date_naissance=date(1987, 3, 5), telephone="+33612345678",
                       email="elodie.durand@exemple.fr", adresse="12 rue des Lilas", code_postal="69003",
                       commune="Lyon", le=LE)
    t.ajouter_personne(personne_id=2, alias=alias(1, "homme"), nom="N'Diaye", prenom="Jean-Pierre",
                       telephone="+33 4 90 12 34 56")
    t.ajouter_employeur("Boulangerie Martin", "Au bon pain", personne_id=1,
                        remplacement=entreprise_generalisee("10.71C", "10_49"))
    return t


def _remplace(texte: str, table=None) -> str:
    return pseudonymiser(texte, table or _table()).texte


# -- Aliases, ages, dates, employers ------------------------------------------------------------
def test_alias_stables_et_dans_l_ordre():
    assert alias(0, "femme") == "Mme A."
    assert alias(1, "homme") == "M. B."
    assert alias(2, "Madame") == "Mme C." and alias(3, "M.") == "M. D."
    assert alias(25, "non_renseigne") == "Z."
    assert alias(26, "femme") == "Mme AA." and alias(27, "homme") == "M. AB."
    assert alias(4, "femme") == alias(4, "femme")


@pytest.mark.parametrize("naissance, attendu", [
    (date(2010, 1, 1), "moins de 18 ans"),
    (date(2008, 12, 1), "entre 18 et 25 ans"),      # 18 the very day
    (date(2000, 12, 2), "entre 18 et 25 ans"),      # 25 until tomorrow
    (date(2000, 12, 1), "entre 26 et 29 ans"),
    (date(1987, 3, 5), "entre 30 et 39 ans"),
    (date(1976, 12, 2), "entre 40 et 49 ans"),      # 49, not 50 yet
    (date(1966, 12, 1), "60 ans ou plus"),
])
def test_tranche_d_age(naissance, attendu):
    assert tranche_d_age(naissance, LE) == attendu


def test_mois_annee():
    assert mois_annee(date(2026, 8, 14)) == "août 2026"
    assert mois_annee(date(2027, 2, 1)) == "février 2027"


def test_date_relative_au_debut_de_l_accompagnement():
    debut = date(2026, 1, 15)
    assert date_relative(date(2026, 1, 20), debut) == "M+0"
    assert date_relative(date(2026, 1, 20), debut, forme="longue") == "1er mois de l'accompagnement"
    assert date_relative(date(2026, 2, 14), debut) == "M+0"       # not yet a whole month
    assert date_relative(date(2026, 2, 15), debut) == "M+1"
    assert date_relative(date(2026, 4, 20), debut) == "M+3"
    assert date_relative(date(2026, 4, 20), debut, forme="longue") == "4e mois de l'accompagnement"
    assert date_relative(date(2027, 1, 15), debut) == "M+12"
    assert date_relative(date(2025, 12, 1), debut) == "M-1"
    assert date_relative(date(2025, 12, 1), debut, forme="longue") == "1 mois avant le début de l'accompagnement"


def test_entreprise_generalisee():
    assert entreprise_generalisee("43.22A", 40) == "une entreprise du BTP de 20 à 49 salariés"
    assert entreprise_generalisee("F", "10_49") == "une entreprise du BTP de 10 à 49 salariés"
    assert entreprise_generalisee("88.10A", "250_plus") == \
        "une entreprise de la santé et de l'action sociale de 250 salariés ou plus"
    assert entreprise_generalisee("de la propreté", 7) == "une entreprise de la propreté de moins de 10 salariés"
    assert entreprise_generalisee("Logistique", None) == "une entreprise du secteur « Logistique »"
    assert entreprise_generalisee("", None) == "une entreprise"
    # Never the exact head count.
    assert "40" not in entreprise_generalisee("43.22A", 40)


def test_tranches_et_sections():
    assert tranche_d_effectif(0) == "sans salarié"
    assert tranche_d_effectif(12) == "de 10 à 19 salariés"
    assert tranche_d_effectif("50_249") == "de 50 à 249 salariés"
    assert tranche_d_effectif(None) == ""
    assert section_du_code_naf("56.10A") == "I" and section_du_code_naf("49.41A") == "H"
    assert section_du_code_naf("") == ""


def test_normalisation():
    assert normaliser("  Élodie  DUPONT-Martin ") == "elodie dupont martin"
    assert normaliser("Cœur d’Alène") == "coeur d alene"
    assert telephone_normalise("+33 6 12 34 56 78") == "0612345678"
    assert telephone_normalise("0033 (0)6 12 34 56 78") == "0612345678"
    assert telephone_normalise("06.12.34.56.78") == "0612345678"
    assert telephone_normalise("+32 470 12 34 56") == "32470123456"


# -- Substitution ------------------------------------------------------------------------------
def test_nom_et_prenom_deviennent_l_alias():
    assert _remplace("Rendez-vous avec Élodie Durand ce matin.") == "Rendez-vous avec Mme A. ce matin."
    assert _remplace("Mme Durand est venue.") == "Mme A. est venue."
    assert _remplace("Madame DURAND est venue.") == "Mme A. est venue."
    assert _remplace("Durand Élodie, suivie depuis mars.") == "Mme A., suivie depuis mars."
    assert _remplace("Jean-Pierre a appelé ; M. N'Diaye rappellera.") == "M. B. a appelé ; M. B. rappellera."


def test_tolerant_a_la_casse_aux_accents_et_aux_noms_composes():
    assert _remplace("ELODIE est arrivée ; elodie repart.") == "Mme A. est arrivée ; Mme A. repart."
    assert _remplace("Jean Pierre, jean-pierre, JEAN–PIERRE.") == "M. B., M. B., M. B."
    assert _remplace("Née Dupont Martin, dite Dupont-Martin.") == "Mme A., dite Mme A."
    assert _remplace("nom de naissance : Dupont") == "nom de naissance : Mme A."
    assert _remplace("N’Diaye (apostrophe typographique)") == "M. B. (apostrophe typographique)"


def test_pas_de_fausse_correspondance_dans_un_mot():
    texte = "La martingale et les Martiniquais ; un dupontage ; durandal ; Elodies."
    assert _remplace(texte) == texte
    assert restes(texte, _table()) == []


def test_une_seule_substitution_par_passage_la_plus_longue():
    r = pseudonymiser("Mme Élodie Durand", _table())
    assert r.texte == "Mme A."
    assert len(r.substitutions) == 1 and r.substitutions[0].nature == Nature.NOM
    assert (r.substitutions[0].debut, r.substitutions[0].fin) == (0, 17)


@pytest.mark.parametrize("ecriture", [
    "06 12 34 56 78", "0612345678", "06.12.34.56.78", "06-12-34-56-78", "+33 6 12 34 56 78",
    "+33612345678", "0033 6 12 34 56 78", "+33 (0)6 12 34 56 78", "06 12 34 56 78", "6 12 34 56 78",
    "612345678", "06 1234 5678"])
def test_telephones_sous_toutes_leurs_ecritures(ecriture):
    r = pseudonymiser(f"Tél. : {ecriture}.", _table())
    assert r.texte == "Tél. : [téléphone retiré]."
    assert r.substitutions[0].nature == Nature.TELEPHONE


def test_un_autre_numero_n_est_pas_remplace_et_deux_numeros_colles_le_sont():
    assert _remplace("Standard : 04 90 99 99 99.") == "Standard : 04 90 99 99 99."
    assert _remplace("04 90 12 34 56 / 06 12 34 56 78") == "[téléphone retiré] / [téléphone retiré]"


@pytest.mark.parametrize("ecriture", [
    "05/03/1987", "5/3/1987", "05-03-1987", "05.03.1987", "05/03/87", "1987-03-05", "5 mars 1987",
    "05 mars 1987", "5 Mars 1987", "5 MARS 1987"])
def test_date_de_naissance_sous_ses_ecritures_courantes(ecriture):
    r = pseudonymiser(f"Née le {ecriture}, elle", _table())
    assert r.texte == "Née le [entre 30 et 39 ans], elle"
    assert r.substitutions[0].nature == Nature.DATE_NAISSANCE


def test_une_autre_date_reste():
    texte = "Entretien du 05/03/2026, puis le 6 mars 1987 et le 1987-03-06."
    assert _remplace(texte) == texte


def test_premier_du_mois():
    t = TableIdentifiants()
    t.ajouter_personne(personne_id=3, alias="M. C.", nom="Leroy", date_naissance=date(1990, 5, 1))
    assert pseudonymiser("né le 1er mai 1990", t).texte == "né le [date de naissance retirée]"


def test_email_adresse_commune_employeur():
    t = _table()
    assert _remplace("Écrire à Elodie.Durand@Exemple.fr demain", t) == "Écrire à [e-mail retiré] demain"
    assert _remplace("Elle habite 12, rue des Lilas, 69003 Lyon.", t) == \
        "Elle habite [adresse retirée], [commune de résidence retirée]."
    assert _remplace("à Lyon (69003)", t) == "à [commune de résidence retirée]"
    assert _remplace("Elle habite rue des Lilas.", t) == "Elle habite [adresse retirée]."
    assert _remplace("Elle habite au 12 bis rue des Lilas.", t) == "Elle habite au 12 bis [adresse retirée]."
    assert _remplace("Le territoire de Lyon compte…", t) == "Le territoire de Lyon compte…"
    assert _remplace("Embauchée à la boulangerie martin (enseigne Au Bon Pain).", t) == \
        "Embauchée à la une entreprise de l'industrie de 10 à 49 salariés (enseigne une entreprise " \
        "de l'industrie de 10 à 49 salariés)."


def test_substitutions_decrites_avec_leurs_positions():
    texte = "Élodie (06 12 34 56 78)"
    r = pseudonymiser(texte, _table())
    assert [(s.debut, s.fin, s.original, s.remplacement, s.nature) for s in r.substitutions] == [
        (0, 6, "Élodie", "Mme A.", Nature.PRENOM),
        (8, 22, "06 12 34 56 78", "[téléphone retiré]", Nature.TELEPHONE)]
    assert all(texte[s.debut:s.fin] == s.original for s in r.substitutions)
    assert r.substitutions[0].personne_id == 1


def test_correction_faux_positif_et_remplacement_personnalise():
    t = TableIdentifiants()
    t.ajouter_personne(personne_id=1, alias="M. A.", nom="Martin", prenom="Pierre")
    texte = "M. Martin habite rue Saint-Martin. Martin est motivé."
    # A false positive refused at one offset only (the street), the person still replaced.
    refus = Correction("Martin", refusee=True, debut=texte.index("Saint-Martin") + len("Saint-"))
    r = pseudonymiser(texte, t, [refus])
    assert r.texte == "M. A. habite rue Saint-Martin. M. A. est motivé."
    assert [s.original for s in r.refusees] == ["Martin"]
    # The refused occurrence is not a remainder any more; the others are.
    assert len(restes(texte, t, [refus])) == len(restes(texte, t)) - 1
    # Refused everywhere (no offset).
    r = pseudonymiser("Martin et Martin", t, [Correction("MARTIN", refusee=True)])
    assert r.texte == "Martin et Martin" and len(r.refusees) == 2
    # Another replacement.
    r = pseudonymiser("Pierre arrive.", t, [Correction("pierre", remplacement="le stagiaire")])
    assert r.texte == "le stagiaire arrive."


def test_compose_saint_martin_est_un_mot_compose_donc_remplace_sauf_refus():
    t = TableIdentifiants()
    t.ajouter_personne(personne_id=1, alias="M. A.", nom="Martin")
    # A hyphen is a word boundary: the candidat sees it in the preview and can refuse it.
    r = pseudonymiser("rue Saint-Martin", t)
    assert [s.original for s in r.substitutions] == ["Martin"]


def test_pas_de_double_point_apres_un_alias_en_fin_de_phrase():
    assert _remplace("J'ai reçu Élodie.") == "J'ai reçu Mme A."


# -- What remains ---------------------------------------------------------------------------------
def test_restes_nomme_la_nature_et_la_position_sans_jamais_la_valeur():
    texte = "Bilan : Élodie Durand, joignable au 06 12 34 56 78, a signé."
    trouves = restes(texte, _table())
    assert [(r.nature, r.debut) for r in trouves] == [(Nature.NOM, 8), (Nature.TELEPHONE, texte.index("06"))]
    for r in trouves:
        for secret in ("Élodie", "Durand", "06 12", "12 34 56 78"):
            assert secret not in r.extrait and secret not in r.message
        assert "[nom]" in r.extrait and "[téléphone]" in r.extrait
    assert "caractère 9" in trouves[0].message


def test_restes_vide_apres_pseudonymisation():
    t = _table()
    texte = ("Élodie Durand, née Dupont-Martin le 5 mars 1987, 12 rue des Lilas 69003 Lyon, "
             "elodie.durand@exemple.fr, 06 12 34 56 78, embauchée chez Boulangerie Martin ; "
             "Jean-Pierre N'Diaye, 04 90 12 34 56.")
    assert restes(texte, t)
    assert restes(pseudonymiser(texte, t).texte, t) == []


def test_restes_trouve_les_chiffres_d_un_numero_quelle_que_soit_l_ecriture():
    trouves = restes("code 0612345678901", _table())
    assert [r.nature for r in trouves] == [Nature.TELEPHONE]
    assert "612345678" not in trouves[0].extrait


def test_l_extrait_ne_coupe_pas_une_valeur_voisine_en_deux():
    texte = "x" * 30 + " Élodie Durand " + "y" * 30 + " Jean-Pierre " + "z" * 5
    for r in restes(texte, _table()):
        assert "Jean" not in r.extrait and "Durand" not in r.extrait and "Élodie" not in r.extrait


def test_table_vide_et_texte_vide():
    assert pseudonymiser("Élodie", TableIdentifiants()).texte == "Élodie"
    assert restes("", _table()) == []
    assert pseudonymiser("", _table()).substitutions == ()


def test_valeurs_trop_courtes_ou_vides_ignorees():
    t = TableIdentifiants()
    t.ajouter_personne(personne_id=1, alias="A.", nom="L", prenom="", telephone="", email="")
    assert pseudonymiser("L'atelier a lieu", t).texte == "L'atelier a lieu"


def test_contact_libre_civilite_et_nom_de_famille():
    t = TableIdentifiants()
    t.ajouter_contact_libre("Mme Sophie Leroy", remplacement="[contact du partenaire]")
    assert pseudonymiser("J'ai appelé Mme Leroy puis Sophie Leroy.", t).texte == \
        "J'ai appelé [contact du partenaire] puis [contact du partenaire]."


@pytest.mark.parametrize("texte", [
    "Élodie  Durand\n\n  a appelé le 06 12 34 56 78.",            # runs of spaces (fast path)
    "Cœur d’artichaut :  Élodie   DURAND, puis ﬁn Jean-Pierre.",  # ligatures (slow path)
    "e\u0301lodie Durand et Jean\u00a0Pierre",                     # combining accent, no-break space
])
def test_positions_exactes_quel_que_soit_le_texte(texte):
    r = pseudonymiser(texte, _table())
    assert r.substitutions
    for s in r.substitutions:
        assert texte[s.debut:s.fin] == s.original
    assert "Durand" not in r.texte and "DURAND" not in r.texte and "Pierre" not in r.texte and "lodie" not in r.texte
    assert restes(r.texte, _table()) == []


def test_dates_exactes_generalisees():
    from cipdesk.dossier.pseudonymisation.rules import dates_du_texte, generaliser_dates

    texte = ("Premier entretien le 15/01/2026, puis le 3 mars 2026 et le 2026-04-20 ; "
             "rendez-vous le 5 mai (sans année) ; loi du 5 mars 2007 ; le 31/02/2026 n'existe pas ; 12/05/26.")
    assert [d for _a, _b, d in dates_du_texte(texte)] == [
        date(2026, 1, 15), date(2026, 3, 3), date(2026, 4, 20), date(2007, 3, 5), date(2026, 5, 12)]
    r = generaliser_dates(texte, debut=date(2026, 1, 15))
    assert r.texte.startswith("Premier entretien le M+0, puis le M+1 et le M+3 ; rendez-vous le 5 mai (sans année)")
    assert all(s.nature == Nature.DATE for s in r.substitutions)
    assert all(texte[s.debut:s.fin] == s.original for s in r.substitutions)
    # Month and year without a start date; a date the candidat keeps (a law's).
    loi = texte.index("5 mars 2007")
    r = generaliser_dates(texte, corrections=[Correction("5 mars 2007", refusee=True, debut=loi)])
    assert "le janvier 2026" in r.texte and "loi du 5 mars 2007" in r.texte and "31/02/2026" in r.texte
    assert [s.original for s in r.refusees] == ["5 mars 2007"]


def test_une_date_de_naissance_devient_tranche_avant_la_generalisation():
    from cipdesk.dossier.pseudonymisation.rules import generaliser_dates

    texte = "Élodie, née le 05/03/1987, entrée le 10/09/2026."
    r = generaliser_dates(pseudonymiser(texte, _table()).texte, debut=date(2026, 9, 10))
    assert r.texte == "Mme A., née le [entre 30 et 39 ans], entrée le M+0."


def test_un_seul_passage_noms_et_dates_et_les_refus_suivent_jusqu_au_controle():
    t = TableIdentifiants()
    t.ajouter_personne(personne_id=1, alias="M. A.", nom="Martin", prenom="Pierre",
                       date_naissance=date(1990, 5, 1), le=LE)
    texte = "Le 15/01/2026, Pierre Martin (né le 01/05/1990) habite rue Saint-Martin ; revu le 20 avril 2026."
    rue = texte.index("Martin ;")
    corrections = [Correction("Martin", refusee=True, debut=rue)]
    r = pseudonymiser(texte, t, corrections, dates=True, debut=date(2026, 1, 15))
    assert r.texte == ("Le M+0, M. A. (né le [entre 30 et 39 ans]) habite rue Saint-Martin ; revu le M+3.")
    assert [(s.nature, s.refusee) for s in r.substitutions] == [
        (Nature.DATE, False), (Nature.NOM, False), (Nature.DATE_NAISSANCE, False), (Nature.NOM, True),
        (Nature.DATE, False)]
    assert all(texte[s.debut:s.fin] == s.original for s in r.substitutions)
    # The refused occurrence moved in the result: `gardees` says where, `restes` leaves it alone…
    assert [r.texte[a:b] for a, b in r.gardees] == ["Martin"]
    assert restes(r.texte, t, gardees=r.gardees) == []
    # …and without it, the check names it.
    assert [x.nature for x in restes(r.texte, t)] == [Nature.NOM]


@pytest.mark.parametrize("nom", ["Mme Leclercq", "M. Diallo", "Sophie Leroy", "Dr Martin", "Leclercq",
                                 "Jean-Pierre de La Fontaine", "Mme Vasseur", "Élodie N'Diaye", "Monsieur Van Damme"])
def test_un_contact_qui_ressemble_a_une_personne(nom):
    from cipdesk.dossier.pseudonymisation.rules import ressemble_a_une_personne

    assert ressemble_a_une_personne(nom)


@pytest.mark.parametrize("nom", ["Accueil", "Secrétariat", "Permanence", "Permanence SIAO", "Référente RSA",
                                 "accueil social", "Secrétariat médical", "Standard", "Service RH", "",
                                 "   ", "03 20 12 34 56", "contact@exemple.fr", "Plateforme 115",
                                 "Accueil de jour", "Conseillère en économie sociale et familiale"])
def test_un_contact_nomme_par_une_fonction_n_est_pas_une_personne(nom):
    from cipdesk.dossier.pseudonymisation.rules import ressemble_a_une_personne

    assert not ressemble_a_une_personne(nom)


def test_un_contact_nomme_par_une_fonction_n_entre_pas_dans_la_table():
    """« Accueil » or « Permanence » would make common words identifying values (false
    positives in every text); a person's name, with or without civilité, does enter."""
    table = TableIdentifiants()
    for nom in ("Accueil", "Secrétariat", "Permanence SIAO", "Mme Leclercq"):
        table.ajouter_contact_libre(nom, remplacement="[contact du partenaire]")
    texte = "L'accueil et le secrétariat m'ont orientée vers la permanence ; Mme Leclercq a rappelé."
    resultat = _remplace(texte, table)
    assert "L'accueil et le secrétariat m'ont orientée vers la permanence" in resultat
    assert "Leclercq" not in resultat and "[contact du partenaire]" in resultat
