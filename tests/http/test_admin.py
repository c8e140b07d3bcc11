"""Administration: structures, équipes, comptes from the interface and the command line; the audit page."""
from __future__ import annotations


import pytest
from sqlalchemy import select

from cipdesk.comptes.models import Equipe, Role, Structure, Utilisateur
from cipdesk.notes import services as notes
from cipdesk.security.audit import Action, JournalAudit


def test_admin_cree_equipe_et_comptes_de_sa_structure(nav, nav_factory, fabrique, ctx):
    monde = fabrique.monde()
    structure = monde.structure
    nav.connexion(monde.admin.email)
    # A structure is created by the instance operator, not through the web (policy.peut_creer_structure).
    assert nav.post("/admin/structures", {"nom": "PLIE du Valenciennois"}).status_code == 405
    assert ctx.scalar(select(Structure).where(Structure.nom == "PLIE du Valenciennois")) is None

    url = f"/admin/structures/{structure.id}"
    assert nav.post(url, {"nom": "Référents de parcours"}).status_code == 303
    equipe = ctx.scalar(select(Equipe).where(Equipe.structure_id == structure.id))

    donnees = {"prenom": "Inès", "nom": "Haddad", "email": "ines.haddad@plie.fr", "role": "chef_de_service",
               "structure": str(structure.id), "equipe": "", "mot_de_passe": "girafe tambour cerise hiver",
               "voie": "vae", "referentiel": "reac-2018"}
    sans_equipe = nav.post("/admin/utilisateurs/nouveau", donnees)
    assert sans_equipe.status_code == 422
    assert "encadre une équipe" in sans_equipe.get_data(as_text=True)
    assert "Inès" in sans_equipe.get_data(as_text=True)  # nothing typed is lost
    donnees["equipe"] = str(equipe.id)
    assert nav.post("/admin/utilisateurs/nouveau", donnees).status_code == 303
    chef = ctx.scalar(select(Utilisateur).where(Utilisateur.email == "ines.haddad@plie.fr"))
    assert chef.role == Role.CHEF_DE_SERVICE and chef.structure_id == structure.id

    candidat = dict(donnees, prenom="Léo", nom="Martin", email="leo.martin@plie.fr", role="conseiller",
                    candidat="y", voie="formation", date_session="2027-06-15", referentiel="titre-2023")
    assert nav.post("/admin/utilisateurs/nouveau", candidat).status_code == 303
    leo = ctx.scalar(select(Utilisateur).where(Utilisateur.email == "leo.martin@plie.fr"))
    assert leo.profil_candidat.referentiel_code == "titre-2023"
    assert str(leo.profil_candidat.date_session) == "2027-06-15"

    nouveau = nav_factory()
    assert nouveau.connexion("ines.haddad@plie.fr", "girafe tambour cerise hiver").status_code == 303
    assert ctx.scalars(select(JournalAudit).where(JournalAudit.action == Action.ADMINISTRATION)).all()


def test_mot_de_passe_faible_et_email_en_double_refuses(nav, fabrique):
    monde = fabrique.monde()
    nav.connexion(monde.admin.email)
    base = {"prenom": "A", "nom": "B", "role": "conseiller", "structure": str(monde.structure.id),
            "equipe": "", "voie": "vae", "referentiel": "reac-2018"}
    faible = nav.post("/admin/utilisateurs/nouveau", dict(base, email="a.b@x.fr", mot_de_passe="123456789012"))
    assert "trop facile à deviner" in faible.get_data(as_text=True)
    double = nav.post("/admin/utilisateurs/nouveau", dict(base, email=monde.conseiller.email.upper(),
                                                           mot_de_passe="girafe tambour cerise hiver"))
    assert "Un compte existe déjà" in double.get_data(as_text=True)
    invalide = nav.post("/admin/utilisateurs/nouveau", dict(base, email="pas-une-adresse",
                                                             mot_de_passe="girafe tambour cerise hiver"))
    assert "Adresse électronique invalide." in invalide.get_data(as_text=True)


def test_desactiver_un_compte_ferme_ses_sessions(nav, nav_factory, fabrique):
    monde = fabrique.monde()
    conseiller = nav_factory()
    conseiller.connexion(monde.conseiller.email)
    nav.connexion(monde.admin.email)
    url = f"/admin/utilisateurs/{monde.conseiller.id}"
    assert nav.post(url, {"role": "conseiller"}).status_code == 303  # actif unchecked
    assert conseiller.get("/").status_code == 302
    assert conseiller.connexion(monde.conseiller.email).status_code == 422
    soi = nav.post(f"/admin/utilisateurs/{monde.admin.id}", {"role": "conseiller", "actif": "y"})
    assert "propres droits" in soi.get_data(as_text=True)


@pytest.mark.parametrize("qui", ["conseiller", "chef", "candidat", "conseiller_ailleurs"])
def test_administration_reservee_aux_admins(nav, fabrique, qui):
    monde = fabrique.monde()
    nav.connexion(getattr(monde, qui).email)
    for url in ("/admin/structures", f"/admin/structures/{monde.structure.id}", "/admin/utilisateurs/nouveau",
                f"/admin/utilisateurs/{monde.conseiller.id}", "/admin/journal"):
        assert nav.get(url).status_code == 403, url


def test_journal_filtre_les_lectures_de_notes(nav, fabrique, ctx):
    monde = fabrique.monde()
    note = notes.ecrire_note(ctx, auteur=monde.conseiller, contenu="Texte très confidentiel")
    notes.lire_note(ctx, lecteur=monde.conseiller, note=note)
    ctx.commit()
    nav.connexion(monde.admin.email)
    page = nav.get("/admin/journal?action=lecture")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "1 évènement" in html and str(note.id) in html and monde.conseiller.email in html
    assert "Texte très confidentiel" not in html  # never the content
    fragment = nav.get(f"/admin/journal?objet_id={note.id}", headers={"HX-Request": "true"})
    frag = fragment.get_data(as_text=True)
    assert "HX-Request" in fragment.headers["Vary"]
    assert frag.lstrip().startswith('<div id="journal">') and "<html" not in frag
    assert "2 évènements" in frag  # creation + read
    vide = nav.get("/admin/journal?action=export").get_data(as_text=True)
    assert "Aucun évènement" in vide
    dates = nav.get("/admin/journal?du=2000-01-01&au=2000-01-02").get_data(as_text=True)
    assert "Aucun évènement" in dates


def test_fragment_plus_echange_egale_page_fraiche(nav, fabrique, ctx):
    """The htmx fragment is the very markup the full page includes."""
    monde = fabrique.monde()
    nav.connexion(monde.admin.email)
    page = nav.get("/admin/journal?action=connexion").get_data(as_text=True)
    fragment = nav.get("/admin/journal?action=connexion", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert fragment.strip() in page


def test_cli_cree_structure_et_compte(app, ctx):
    runner = app.test_cli_runner()
    res = runner.invoke(args=["create-structure", "--nom", "ACI Les Jardins de Cocagne", "--ville", "Lyon"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(args=["create-user", "--email", "Amel.K@exemple.fr", "--prenom", "Amel", "--nom", "K",
                              "--role", "conseiller", "--structure", "ACI Les Jardins de Cocagne",
                              "--equipe", "Encadrement", "--candidat", "vae",
                              "--mot-de-passe", "girafe tambour cerise hiver"])
    assert res.exit_code == 0, res.output
    amel = ctx.scalar(select(Utilisateur).where(Utilisateur.email == "amel.k@exemple.fr"))
    assert amel.equipe.nom == "Encadrement" and amel.profil_candidat is not None
    res = runner.invoke(args=["create-user", "--email", "x@y.fr", "--prenom", "X", "--nom", "Y",
                              "--role", "admin", "--structure", "Inconnue", "--mot-de-passe", "girafe tambour cerise hiver"])
    assert res.exit_code != 0 and "Structure introuvable" in res.output


# -- issue #10, point 5: who may be a candidat's tutor --------------------------------------
def _tuteur_du_candidat(ctx, monde):
    from cipdesk.comptes.models import ProfilCandidat

    ctx.expire_all()
    return ctx.get(ProfilCandidat, monde.candidat.id).tuteur_id


def test_admin_ne_peut_pas_se_designer_tuteur(nav, fabrique, ctx):
    monde = fabrique.monde()
    nav.connexion(monde.admin.email)
    url = f"/admin/utilisateurs/{monde.candidat.id}"
    page = nav.get(url).get_data(as_text=True)
    assert f'value="{monde.admin.id}"' not in page  # not offered by the form
    reponse = nav.post(url + "/tuteur", {"tuteur": str(monde.admin.id)}, depuis=url)
    assert _tuteur_du_candidat(ctx, monde) is None  # nor accepted when posted anyway
    assert "conseiller" in nav.get(reponse.headers["Location"]).get_data(as_text=True)


@pytest.mark.parametrize("qui, accepte", [
    ("collegue", True), ("chef", True), ("candidat", False), ("admin", False), ("autre_admin", False),
    ("conseiller_ailleurs", False), ("chef_ailleurs", False), ("inactif", False),
])
def test_tuteur_conseiller_ou_chef_de_la_structure_du_candidat(qui, accepte, nav, fabrique, ctx):
    monde = fabrique.monde()
    monde.autre_admin = fabrique.utilisateur(monde.structure, admin=True)
    monde.inactif = fabrique.utilisateur(monde.structure, equipe=monde.equipe, actif=False)
    nav.connexion(monde.admin.email)
    url = f"/admin/utilisateurs/{monde.candidat.id}"
    tuteur = getattr(monde, qui)
    assert nav.post(url + "/tuteur", {"tuteur": str(tuteur.id)}, depuis=url).status_code == 303
    assert _tuteur_du_candidat(ctx, monde) == (tuteur.id if accepte else None)


def test_regle_du_tuteur_tenue_par_le_service(fabrique, ctx):
    from cipdesk.comptes import services
    from cipdesk.core.erreurs import ErreurMetier

    monde = fabrique.monde()
    for tuteur in (monde.admin, monde.candidat, monde.chef_ailleurs):
        with pytest.raises(ErreurMetier):
            services.designer_tuteur(ctx, par=monde.admin, candidat=monde.candidat, tuteur=tuteur)
    # the acting user is never their own choice, even a chef de service of the structure
    with pytest.raises(ErreurMetier, match="vous-même"):
        services.designer_tuteur(ctx, par=monde.chef, candidat=monde.candidat, tuteur=monde.chef)
    services.designer_tuteur(ctx, par=monde.admin, candidat=monde.candidat, tuteur=monde.collegue)
    assert monde.candidat.profil_candidat.tuteur_id == monde.collegue.id
    services.designer_tuteur(ctx, par=monde.admin, candidat=monde.candidat, tuteur=None)
    assert monde.candidat.profil_candidat.tuteur_id is None
    ctx.rollback()


def test_tuteur_devenu_admin_ne_voit_plus_la_couverture(nav, nav_factory, fabrique, ctx):
    from cipdesk.comptes.models import Role

    monde = fabrique.monde()
    profil = monde.candidat.profil_candidat
    profil.tuteur_id, profil.consentement_tuteur = monde.collegue.id, True
    ctx.commit()
    tuteur = nav_factory()
    tuteur.connexion(monde.collegue.email)
    url = f"/competences/candidats/{monde.candidat.id}"
    assert tuteur.get(url).status_code == 200
    monde.collegue.role = Role.ADMIN
    ctx.commit()
    assert tuteur.get(url).status_code == 403


def test_l_administrateur_administre_sa_structure_seulement(nav, fabrique, ctx):
    """Decision (policy, issue #9 point 4): the admin is a structure administrator. Another
    structure's accounts, équipes and audit rows are not found; its roles cannot be changed."""
    from cipdesk.comptes import services as comptes
    from cipdesk.security.audit import journaliser
    from cipdesk.security.policy import Introuvable

    monde = fabrique.monde()
    ailleurs = monde.conseiller_ailleurs
    journaliser(ctx, acteur=ailleurs, action=Action.LECTURE, objet_type="personne", objet_id="trace-d-ailleurs")
    ctx.commit()
    nav.connexion(monde.admin.email)

    for url in (f"/admin/utilisateurs/{ailleurs.id}", f"/admin/structures/{monde.autre_structure.id}"):
        assert nav.get(url).status_code == 404
    promotion = nav.post(f"/admin/utilisateurs/{ailleurs.id}", {"role": "admin", "actif": "y"})
    assert promotion.status_code == 404
    assert nav.post(f"/admin/utilisateurs/{ailleurs.id}/deblocage", {}).status_code == 404
    assert nav.post(f"/admin/structures/{monde.autre_structure.id}", {"nom": "Intrus"}).status_code == 404
    compte = nav.post("/admin/utilisateurs/nouveau", {
        "prenom": "Eve", "nom": "Intruse", "email": "eve@ailleurs.fr", "role": "conseiller",
        "structure": str(monde.autre_structure.id), "equipe": "", "mot_de_passe": "girafe tambour cerise hiver",
        "voie": "vae", "referentiel": "reac-2018"})
    assert compte.status_code in (404, 422)
    assert ctx.scalar(select(Utilisateur).where(Utilisateur.email == "eve@ailleurs.fr")) is None
    ctx.expire_all()
    assert ctx.get(Utilisateur, ailleurs.id).role == Role.CONSEILLER

    structures = nav.get("/admin/structures").get_data(as_text=True)
    assert str(monde.structure.id) in structures and str(monde.autre_structure.id) not in structures
    journal = nav.get("/admin/journal?objet_type=personne").get_data(as_text=True)
    assert "trace-d-ailleurs" not in journal
    formulaire = nav.get("/admin/utilisateurs/nouveau").get_data(as_text=True)
    assert str(monde.autre_structure.id) not in formulaire

    # The services refuse too, whatever route calls them; the command line (par=None) may.
    with pytest.raises(Introuvable):
        comptes.modifier_acces(ctx, par=monde.admin, utilisateur=ailleurs, role=Role.ADMIN)
    with pytest.raises(Introuvable):
        comptes.creer_equipe(ctx, par=monde.admin, structure=monde.autre_structure, nom="Intrus")
    assert comptes.creer_equipe(ctx, par=None, structure=monde.autre_structure, nom="Par l'exploitant")
    ctx.rollback()
