"""Tagging of evidence, as issue #16 « Also fix » asks: an urgency evidences CP2 (and CP4 only when
someone outside was called); an accueil evidences CP1 only when information was actually given; an
orientation also evidences CP1; a projet entretien is labelled as such. Through the real services."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from cipdesk.accueil.accueils import rules as regles_accueil
from cipdesk.accueil.accueils import services as accueils
from cipdesk.accueil.accueils.models import Urgence
from cipdesk.competences.models import PreuveCompetence
from cipdesk.core.contrat import registre
from cipdesk.core.dates import aujourdhui
from cipdesk.parcours.entretiens import services as entretiens
from cipdesk.parcours.entretiens.rules import ModeEntretien, TypeEntretien
from tests.factories.accueil import AUJOURDHUI, HIER, personne
from tests.http.parcours.test_parcours import ouvrir


def _preuves(ctx, objet_id) -> dict[str, set[str]]:
    """{objet_type: {codes}} of the tags on one record."""
    resultat: dict[str, set[str]] = {}
    for objet_type, code in ctx.execute(select(PreuveCompetence.objet_type, PreuveCompetence.competence_code)
                                        .where(PreuveCompetence.objet_id == objet_id)):
        resultat.setdefault(objet_type, set()).add(code)
    return resultat


def _accueil(ctx, conseiller, p, *, informations=(), precisions="", urgences=()):
    return accueils.enregistrer_accueil(ctx, par=conseiller, personne=p, aujourd_hui=AUJOURDHUI,
                                        donnees=accueils.DonneesAccueil(
                                            date_accueil=HIER, mode="sur_place",
                                            demande_exprimee="Je cherche un emploi de cariste.",
                                            suite="entree_accompagnement", informations=list(informations),
                                            informations_precisions=precisions, urgences=list(urgences)))


@pytest.mark.parametrize("informations, precisions, attendu", [
    ((), "", {"CP2"}),
    (("rgpd",), "", {"CP2"}),                                   # the RGPD notice alone is not CP1
    (("rgpd", "services_dematerialises"), "", {"CP1", "CP2"}),
    (("offre_services",), "", {"CP1", "CP2"}),
    ((), "Présentation du PLIE et de la plateforme mobilité.", {"CP1", "CP2"}),
])
def test_un_accueil_prouve_cp1_seulement_si_une_information_a_ete_donnee(fabrique, ctx, informations, precisions,
                                                                        attendu):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    a = _accueil(ctx, m.conseiller, p, informations=informations, precisions=precisions)
    assert _preuves(ctx, a.id) == {"accueil": attendu}


def test_regles_pures_accueil_et_urgence():
    assert regles_accueil.regle_de_preuve_accueil([], "  ") == "accueil"
    assert regles_accueil.regle_de_preuve_accueil(["rgpd"], "") == "accueil"
    assert regles_accueil.regle_de_preuve_accueil(["droits"], "") == "accueil_informe"
    assert regles_accueil.regle_de_preuve_urgence("") == "urgence"
    assert regles_accueil.regle_de_preuve_urgence(" 115 ") == "urgence_avec_acteur"
    regles = registre.preuves()
    assert regles["accueil"].codes == ("CP2",) and regles["accueil_informe"].codes == ("CP1", "CP2")
    assert regles["urgence"].codes == ("CP2",) and regles["urgence_avec_acteur"].codes == ("CP2", "CP4")
    assert "CP1" in regles["orientation"].codes


def test_une_urgence_prouve_cp2_et_cp4_seulement_quand_un_acteur_a_ete_appele(fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    _accueil(ctx, m.conseiller, p, urgences=[
        accueils.ReperageUrgence("hebergement", reperee=True, contact="115 (SIAO)",
                                 action="Appel au 115 : mise à l'abri ce soir."),
        accueils.ReperageUrgence("ressources", reperee=True, contact="",
                                 action="Colis alimentaire remis sur place."),
        accueils.ReperageUrgence("droits", reperee=True, differee=True),
    ])
    par_type = {u.type_urgence.value: u for u in ctx.scalars(select(Urgence))}
    assert _preuves(ctx, par_type["hebergement"].id) == {"urgence": {"CP2", "CP4"}}
    assert _preuves(ctx, par_type["ressources"].id) == {"urgence": {"CP2"}}
    # Detected and not yet answered: CP2 (« détecter … les situations d'urgence »), not CP4.
    differee = par_type["droits"]
    assert _preuves(ctx, differee.id) == {"urgence": {"CP2"}}
    # Answered later by calling the CAF: CP4 joins.
    accueils.traiter_urgence(ctx, par=m.conseiller, urgence=differee, contact="CAF", action="Dossier débloqué.",
                             le=AUJOURDHUI, aujourd_hui=AUJOURDHUI)
    assert _preuves(ctx, differee.id) == {"urgence": {"CP2", "CP4"}}


def test_une_urgence_traitee_plus_tard_sans_appel_reste_cp2(fabrique, ctx):
    m = fabrique.monde()
    p = personne(ctx, m.conseiller)
    _accueil(ctx, m.conseiller, p, urgences=[accueils.ReperageUrgence("sante", reperee=True, differee=True)])
    u = ctx.scalars(select(Urgence)).one()
    accueils.traiter_urgence(ctx, par=m.conseiller, urgence=u, contact="", action="Ordonnance renouvelée avec elle.",
                             le=AUJOURDHUI, aujourd_hui=AUJOURDHUI)
    assert _preuves(ctx, u.id) == {"urgence": {"CP2"}}


def test_un_entretien_de_projet_est_etiquete_comme_tel(fabrique, ctx):
    m = fabrique.monde()
    p = fabrique.personne(m.structure, referent=m.conseiller)
    parcours = ouvrir(ctx, p, m.conseiller, debut=date.today() - timedelta(days=60))
    jour = aujourdhui()
    suivi, projet = (entretiens.ajouter_entretien(
        ctx, parcours, par=m.conseiller, le=jour - timedelta(days=k), duree_minutes=45, mode=ModeEntretien.PRESENTIEL,
        type_entretien=t, objectif="Point", synthese="", aujourd_hui=jour)
        for k, t in ((20, TypeEntretien.SUIVI), (10, TypeEntretien.PROJET)))
    assert _preuves(ctx, suivi.id) == {"entretien": {"CP6"}}
    assert _preuves(ctx, projet.id) == {"entretien_projet": {"CP6", "CP7"}}
    assert registre.libelle("entretien_projet") == "entretien de projet professionnel"
    assert registre.libelle("entretien") == "entretien de suivi"


def test_la_migration_reetiquette_les_preuves_existantes_des_entretiens_de_projet(fabrique, ctx):
    import importlib.util
    from pathlib import Path

    chemin = Path(__file__).resolve().parents[2] / "migrations" / "versions" / "0018_pseudo.py"
    spec = importlib.util.spec_from_file_location("migration_0018_pseudo", chemin)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)

    m = fabrique.monde()
    p = fabrique.personne(m.structure, referent=m.conseiller)
    parcours = ouvrir(ctx, p, m.conseiller, debut=date.today() - timedelta(days=60))
    jour = aujourdhui()
    suivi, projet = (entretiens.ajouter_entretien(
        ctx, parcours, par=m.conseiller, le=jour - timedelta(days=k), duree_minutes=45, mode=ModeEntretien.PRESENTIEL,
        type_entretien=t, objectif="Point", synthese="", aujourd_hui=jour)
        for k, t in ((20, TypeEntretien.SUIVI), (10, TypeEntretien.PROJET)))
    # As the tags were written before the fix.
    for preuve in ctx.scalars(select(PreuveCompetence).where(PreuveCompetence.objet_id == projet.id)):
        preuve.objet_type = "entretien"
    ctx.flush()
    assert _preuves(ctx, projet.id) == {"entretien": {"CP6", "CP7"}}
    assert migration.reetiqueter(ctx.connection(), "entretien", "entretien_projet") == 2
    ctx.expire_all()
    assert _preuves(ctx, projet.id) == {"entretien_projet": {"CP6", "CP7"}}
    assert _preuves(ctx, suivi.id) == {"entretien": {"CP6"}}         # a suivi entretien untouched
    assert migration.reetiqueter(ctx.connection(), "entretien_projet", "entretien") == 2   # and back
    ctx.expire_all()
    assert _preuves(ctx, projet.id) == {"entretien": {"CP6", "CP7"}}
