"""Issue #15: territory profile in dated versions, veille, répertoire opérationnel with the
orientations really made, cartography, structure profile, team references; the wrong inputs
the issue names (figure without source, review date before the fiche's date, invalid web
address, duplicate partner) give a clear error and keep what was typed; nothing crosses
structures."""
from __future__ import annotations

import html
import re
from datetime import date, timedelta

from sqlalchemy import select

from cipdesk.accueil.orientation import services as orientation
from cipdesk.competences.models import PreuveCompetence
from cipdesk.territoire import queries as territoire
from cipdesk.territoire.partenaires import services as partenaires
from cipdesk.territoire.profil.models import VersionTerritoire
from cipdesk.territoire.veille.models import FicheVeille, LienVeille
from tests.factories.accueil import partenaire, personne
from tests.factories.territoire import fiche_veille, version_territoire

AUJ = date.today()


def _texte(r):
    return html.unescape(r.get_data(as_text=True))


def _lu(r):
    """The page's text as read (no tags, single spaces)."""
    return " ".join(re.sub(r"<[^>]+>", " ", _texte(r)).split())


def _ligne(i, theme="", libelle="", valeur="", source="", le=""):
    return {f"chiffres-{i}-theme": theme, f"chiffres-{i}-libelle": libelle, f"chiffres-{i}-valeur": valeur,
            f"chiffres-{i}-unite": "%", f"chiffres-{i}-source": source, f"chiffres-{i}-date_source": le}


def _connecte(nav_factory, utilisateur):
    """A second browser, logged in as `utilisateur`."""
    n = nav_factory()
    assert n.connexion(utilisateur.email).status_code == 303
    return n


# -- profil du territoire ---------------------------------------------------------------
def test_versions_datees_et_changements_visibles(nav, nav_factory, fabrique, ctx):
    m = fabrique.monde()
    nav.connexion(m.conseiller.email)
    r = nav.post("/territoire/profil", {"territoire": "Bassin d'emploi de Lille", "version": "0", "forces": "Logistique",
                                        **_ligne(0, "economique", "Taux de chômage", "9,4", "France Travail", "31/03/2026")})
    assert r.status_code == 303, _texte(r)[:2000]
    r = nav.post("/territoire/profil", {"territoire": "Bassin d'emploi de Lille", "version": "1", "forces": "Logistique, soin",
                                        "motif": "Chômage actualisé",
                                        **_ligne(0, "economique", "Taux de chômage", "9,1", "France Travail", "30/06/2026")})
    assert r.status_code == 303
    versions = ctx.scalars(select(VersionTerritoire).where(VersionTerritoire.structure_id == m.structure.id)
                           .order_by(VersionTerritoire.numero)).all()
    assert [v.numero for v in versions] == [1, 2]
    assert versions[0].chiffres[0]["valeur"] == "9.4"  # the first version is kept as it was
    page = _texte(nav.get("/territoire/profil"))
    assert "Version 2" in page and "Chômage actualisé" in page
    assert "9,4 % (source : France Travail, 31/03/2026)" in page and "9,1 % (source : France Travail, 30/06/2026)" in page
    assert "Logistique, soin" in page
    # Another structure sees nothing of it.
    autre = _connecte(nav_factory, fabrique.utilisateur(m.autre_structure))
    assert "Bassin d'emploi de Lille" not in _texte(autre.get("/territoire/profil"))


def test_chiffre_sans_source_erreur_claire_et_saisie_conservee(nav, fabrique, ctx):
    m = fabrique.monde()
    nav.connexion(m.conseiller.email)
    r = nav.post("/territoire/profil", {"territoire": "Pays d'Arles", "version": "0", "forces": "Agriculture et tourisme",
                                        **_ligne(0, "economique", "Taux de chômage", "11,2", "", "31/03/2026")})
    assert r.status_code == 422
    page = _texte(r)
    assert "Un chiffre sans source ne peut pas être gardé" in page
    assert 'value="11,2"' in page and 'value="Taux de chômage"' in page and "Agriculture et tourisme" in page
    assert ctx.scalar(select(VersionTerritoire.id).where(VersionTerritoire.structure_id == m.structure.id)) is None


def test_version_concurrente_et_rien_de_change(nav, fabrique, ctx):
    m = fabrique.monde()
    version_territoire(ctx, m.collegue)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    donnees = {"territoire": "Bassin d'emploi de Lille", "forces": "Logistique",
               **_ligne(0, "economique", "Taux de chômage", "9,4", "France Travail", "31/03/2026")}
    r = nav.post("/territoire/profil", {**donnees, "version": "0"})  # loaded before the colleague's version
    assert r.status_code == 409 and "entre-temps" in _texte(r)
    r = nav.post("/territoire/profil", {**donnees, "version": "1"})
    assert r.status_code == 422 and "Rien n'a changé" in _texte(r)


def test_le_profil_du_territoire_prouve_cp3(ctx, fabrique):
    m = fabrique.monde()
    v = version_territoire(ctx, m.candidat)
    f = fiche_veille(ctx, m.candidat)
    ctx.commit()
    codes = set(ctx.scalars(select(PreuveCompetence.competence_code).where(
        PreuveCompetence.utilisateur_id == m.candidat.id, PreuveCompetence.objet_id.in_([v.id, f.id]))))
    assert codes == {"CP3"}


# -- veille -----------------------------------------------------------------------------
def _fiche(**kw):
    d = {"titre": "Aide au permis", "nature": "mesure", "source": "France Travail",
         "date_fiche": (AUJ - timedelta(days=5)).strftime("%d/%m/%Y"), "etiquettes": "mobilité, permis"}
    d.update(kw)
    return d


def test_date_de_revision_avant_la_fiche_erreur_claire_saisie_conservee(nav, fabrique, ctx):
    m = fabrique.monde()
    nav.connexion(m.conseiller.email)
    avant = (AUJ - timedelta(days=30)).strftime("%d/%m/%Y")
    r = nav.post("/territoire/veille", _fiche(echeance=avant, resume="Financement du permis B"))
    assert r.status_code == 422
    page = _texte(r)
    assert "ne peut pas être avant la date de la fiche" in page
    assert 'value="Aide au permis"' in page and "Financement du permis B" in page and 'value="mobilité, permis"' in page
    assert ctx.scalar(select(FicheVeille.id)) is None


def test_adresse_web_invalide_erreur_claire(nav, fabrique):
    m = fabrique.monde()
    nav.connexion(m.conseiller.email)
    r = nav.post("/territoire/veille", _fiche(url="www.france-travail.fr"))
    assert r.status_code == 422
    assert "Adresse web invalide" in _texte(r) and 'value="www.france-travail.fr"' in _texte(r)


def test_fiche_recherche_rappel_et_partage_dans_la_structure(nav, nav_factory, fabrique, ctx):
    m = fabrique.monde()
    nav.connexion(m.conseiller.email)
    r = nav.post("/territoire/veille", _fiche(echeance=(AUJ + timedelta(days=90)).strftime("%d/%m/%Y")))
    assert r.status_code == 303
    fiche_veille(ctx, m.collegue, titre="Appel à projets FSE+", echeance=AUJ - timedelta(days=1),
                 date_fiche=AUJ - timedelta(days=60), etiquettes=("financement",))
    ctx.commit()
    assert "Aide au permis" in _texte(nav.get("/territoire/veille?q=permis"))
    assert "Appel à projets FSE+" not in _texte(nav.get("/territoire/veille?q=permis"))
    assert "Appel à projets FSE+" in _texte(nav.get("/territoire/veille?etiquette=financement"))
    assert "Aide au permis" not in _texte(nav.get("/territoire/veille?echues=1"))
    accueil = _texte(nav.get("/territoire/"))
    assert "Fiche de veille à revoir" in accueil and "Appel à projets FSE+" in accueil
    # A chef reads it; another structure does not.
    assert "Aide au permis" in _texte(_connecte(nav_factory, m.chef).get("/territoire/veille"))
    ailleurs = _connecte(nav_factory, fabrique.utilisateur(m.autre_structure))
    assert "Aide au permis" not in _texte(ailleurs.get("/territoire/veille?q=permis"))


def test_relier_une_fiche_a_sa_propre_orientation_seulement(nav, fabrique, ctx):
    m = fabrique.monde()
    f = fiche_veille(ctx, m.conseiller)
    pa = partenaire(ctx, m.conseiller)
    a_moi = orientation.orienter(ctx, par=m.conseiller, personne=personne(ctx, m.conseiller), partenaire=pa, le=AUJ,
                                 motif="Logement", informations_transmises="", consentement=False, consentement_le=None,
                                 consentement_mode="", aujourd_hui=AUJ)
    a_lui = orientation.orienter(ctx, par=m.collegue, personne=personne(ctx, m.collegue, nom="Petit"), partenaire=pa,
                                 le=AUJ, motif="Logement", informations_transmises="", consentement=False, consentement_le=None,
                                 consentement_mode="", aujourd_hui=AUJ)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    url = f"/territoire/veille/{f.id}/liens"
    r = nav.post(url, {"lien-cible": f"orientation:{a_lui.id}"}, depuis=f"/territoire/veille/{f.id}")
    assert r.status_code == 422 and "Choisissez dans la liste" in _texte(r)
    r = nav.post(url, {"lien-cible": f"orientation:{a_moi.id}"}, depuis=f"/territoire/veille/{f.id}")
    assert r.status_code == 303
    assert ctx.scalar(select(LienVeille.objet_id).where(LienVeille.fiche_id == f.id)) == a_moi.id
    page = _texte(nav.get(f"/territoire/veille/{f.id}"))
    assert "Orientation vers un partenaire" in page and f"/accueil/orientations/{a_moi.id}" in page


# -- répertoire des partenaires ----------------------------------------------------------
def _partenaire(**kw):
    d = {"nom": "CCAS de Roubaix", "type_partenaire": "CCAS", "domaines": ["logement"], "actif": "y",
         "publics": "Habitants de Roubaix", "conditions_acces": "Domiciliation", "modalites_orientation": "Fiche de liaison"}
    d.update(kw)
    return d


def test_doublon_de_partenaire_erreur_claire_saisie_conservee(nav, nav_factory, fabrique, ctx):
    m = fabrique.monde()
    partenaire(ctx, m.conseiller, nom="CCAS de Roubaix")
    ctx.commit()
    nav.connexion(m.conseiller.email)
    r = nav.post("/accueil/partenaires", _partenaire(nom="ccas de  ROUBAIX", publics="Tout public roubaisien"))
    assert r.status_code == 422
    page = _texte(r)
    assert "« CCAS de Roubaix » est déjà dans le répertoire" in page
    assert 'value="ccas de  ROUBAIX"' in page and "Tout public roubaisien" in page
    # The same name in another structure is not a duplicate.
    ailleurs = _connecte(nav_factory, fabrique.utilisateur(m.autre_structure))
    assert ailleurs.post("/accueil/partenaires", _partenaire()).status_code == 303


def test_site_web_invalide_et_date_de_verification_future(nav, fabrique):
    m = fabrique.monde()
    nav.connexion(m.conseiller.email)
    r = nav.post("/accueil/partenaires", _partenaire(site_web="ccas-roubaix"))
    assert r.status_code == 422 and "Adresse web invalide" in _texte(r) and 'value="ccas-roubaix"' in _texte(r)
    r = nav.post("/accueil/partenaires", _partenaire(verifie_le=(AUJ + timedelta(days=3)).strftime("%d/%m/%Y")))
    assert r.status_code == 422 and "ne peut pas être dans le futur" in _texte(r)


def test_partenaire_orientations_reelles_et_perimetre(nav, fabrique, ctx):
    m = fabrique.monde()
    pa = partenaire(ctx, m.conseiller)
    args = dict(motif="Logement", informations_transmises="", consentement=False, consentement_le=None, consentement_mode="",
                aujourd_hui=AUJ)
    mienne = orientation.orienter(ctx, par=m.conseiller, personne=personne(ctx, m.conseiller, nom="Dupont"),
                                  partenaire=pa, le=AUJ, **args)
    orientation.enregistrer_reponse(ctx, par=m.conseiller, orientation=mienne, reponse="acceptee", le=AUJ,
                                    commentaire="", aujourd_hui=AUJ)
    orientation.orienter(ctx, par=m.collegue, personne=personne(ctx, m.collegue, nom="Zidane"), partenaire=pa, le=AUJ,
                         **args)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    page = _lu(nav.get(f"/accueil/partenaires/{pa.id}"))
    assert "2 orientations — 1 acceptée, 0 refusée, 1 en attente de réponse" in page
    assert "Dupont" in page and "Zidane" not in page  # the colleague's person stays out of the conseiller's view
    assert "jamais vérifiée" in page
    liste = _texte(nav.get("/accueil/partenaires"))
    assert "à vérifier" in liste and "2 (1 acceptée, 1 en attente)" in liste


def test_contact_du_partenaire_et_fiche_verifiee(nav, fabrique, ctx):
    m = fabrique.monde()
    pa = partenaire(ctx, m.conseiller)
    ctx.commit()
    nav.connexion(m.conseiller.email)
    url = f"/accueil/partenaires/{pa.id}"
    r = nav.post(f"{url}/contacts", {"contact-nom": "", "contact-role": "Référente RSA"}, depuis=url)
    assert r.status_code == 422 and 'value="Référente RSA"' in _texte(r)
    r = nav.post(f"{url}/contacts", {"contact-nom": "Mme Leclercq", "contact-role": "Référente RSA",
                                     "contact-telephone": "03 20 49 50 00"}, depuis=url)
    assert r.status_code == 303
    r = nav.post(url, _partenaire(version="1", verifie_le=AUJ.strftime("%d/%m/%Y"), site_web="https://www.ccas.fr"))
    assert r.status_code == 303, _texte(r)[:1500]
    page = _lu(nav.get(url))
    assert "Mme Leclercq , Référente RSA" in page and "jamais vérifiée" not in page and "https://www.ccas.fr" in page


def test_cartographie_manques_et_tableau_equivalent(nav, fabrique, ctx):
    m = fabrique.monde()
    partenaire(ctx, m.conseiller, nom="SIAO")  # logement, no orientation
    ctx.commit()
    nav.connexion(m.chef.email)
    page = _texte(nav.get("/territoire/cartographie"))
    assert 'role="img"' in page and "<title id=\"svg-titre\">" in page
    assert "Aucune orientation vers ce domaine" in page
    assert "Aucun partenaire actif dans ce domaine" in page
    assert "<caption>Le réseau par domaine" in page


def test_resume_du_reseau_pour_le_dossier(ctx, fabrique):
    m = fabrique.monde()
    pa = partenaire(ctx, m.conseiller)
    orientation.orienter(ctx, par=m.conseiller, personne=personne(ctx, m.conseiller), partenaire=pa, le=AUJ, motif="Logement",
                         informations_transmises="", consentement=False, consentement_le=None, consentement_mode="",
                         aujourd_hui=AUJ)
    version_territoire(ctx, m.conseiller)
    ctx.commit()
    resume = territoire.reseau_de_partenaires(ctx, m.structure.id)
    logement = next(d for d in resume.domaines if pa.nom in d.partenaires)
    assert logement.orientations == 1 and logement.repondues == 0 and logement.manque
    assert resume.partenaires_actifs == 1
    assert territoire.profil_du_territoire(ctx, m.structure.id).numero == 1
    assert territoire.profil_du_territoire(ctx, m.autre_structure.id) is None
    assert territoire.profil_de_la_structure(ctx, m.structure.id) is None


def test_tenir_le_repertoire_prouve_cp4(ctx, fabrique):
    m = fabrique.monde()
    pa = partenaires.enregistrer_partenaire(ctx, par=m.candidat, le=AUJ,
                                            donnees=partenaires.DonneesPartenaire(nom="Point conseil budget"))
    ctx.commit()
    assert set(ctx.scalars(select(PreuveCompetence.competence_code).where(PreuveCompetence.objet_id == pa.id))) == {"CP4"}


# -- profil de la structure, compétences de l'équipe --------------------------------------
def test_profil_de_la_structure_edite_par_admin_ou_chef_lu_par_tous(nav, nav_factory, fabrique, ctx):
    m = fabrique.monde()
    donnees = {"statut": "Association loi 1901", "missions": "Accompagner vers l'emploi", "financeurs": "Département — RSA",
               "version": "0"}
    conseiller = _connecte(nav_factory, m.conseiller)
    assert conseiller.post("/territoire/structure", donnees).status_code == 403
    nav.connexion(m.admin.email)
    r = nav.post("/territoire/structure", {**donnees, "missions": ""})
    assert r.status_code == 422 and "Association loi 1901" in _texte(r)
    assert nav.post("/territoire/structure", donnees).status_code == 303
    assert "Département — RSA" in _texte(conseiller.get("/territoire/structure"))
    chef = _connecte(nav_factory, m.chef)
    assert chef.post("/territoire/structure", {**donnees, "version": "1", "statut": "SCIC"}).status_code == 303
    ailleurs = _connecte(nav_factory, fabrique.utilisateur(m.autre_structure))
    assert "Département — RSA" not in _texte(ailleurs.get("/territoire/structure"))
    assert territoire.profil_de_la_structure(ctx, m.structure.id).statut == "SCIC"


def test_competences_de_l_equipe(nav, nav_factory, fabrique):
    m = fabrique.monde()
    nav.connexion(m.collegue.email)
    assert nav.post("/territoire/equipe", {"sujet": "", "precision": "Référente"}).status_code == 422
    assert nav.post("/territoire/equipe", {"sujet": "Contrat d'engagement jeune", "precision": "Référente CEJ"}
                    ).status_code == 303
    page = _texte(_connecte(nav_factory, m.conseiller).get("/territoire/equipe"))
    assert "Contrat d'engagement jeune" in page and m.collegue.nom in page
    assert "/retrait" not in page  # one removes only one's own references
