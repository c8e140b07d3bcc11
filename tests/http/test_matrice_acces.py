"""The access matrix: every route of the URL map × every role, against one
declared table. A route missing from the table fails the suite."""
from __future__ import annotations

import pytest

from cipdesk.notes import services as notes

ROLES = ("anonyme", "conseiller", "collegue", "candidat", "chef", "admin", "ailleurs")
OK, LOGIN, INTERDIT, INTROUVABLE = "ok", "login", 403, 404


def _tous(valeur, **exceptions):
    return {role: exceptions.get(role, valeur) for role in ROLES}


CONNECTES = dict(anonyme=LOGIN)
ADMIN_SEUL = _tous(INTERDIT, anonyme=LOGIN, admin=OK)
AUTEUR_SEUL = _tous(INTERDIT, anonyme=LOGIN, conseiller=OK, ailleurs=INTROUVABLE)

# endpoint -> list of (method, url builder, expected answer per role)
MATRICE = {
    "static": [("GET", lambda o: "/static/css/cipdesk.css", _tous(OK))],
    "web.sante": [("GET", lambda o: "/sante", _tous(OK))],
    "comptes.connexion": [("GET", lambda o: "/connexion", _tous(OK)),
                          ("POST", lambda o: "/connexion", _tous(OK))],
    "web.accueil": [("GET", lambda o: "/", _tous(OK, **CONNECTES))],
    "web.module": [
        ("GET", lambda o: "/module/accueil", _tous(OK, **CONNECTES)),
        ("GET", lambda o: "/module/competences", _tous(OK, anonyme=LOGIN, chef=INTERDIT, admin=INTERDIT)),
        ("GET", lambda o: "/module/tableau_de_bord",
         _tous(INTERDIT, anonyme=LOGIN, chef=OK, admin=OK)),
    ],
    "comptes.deconnexion": [("POST", lambda o: "/deconnexion", _tous(OK, **CONNECTES))],
    "comptes.mot_de_passe": [("GET", lambda o: "/compte/mot-de-passe", _tous(OK, **CONNECTES)),
                             ("POST", lambda o: "/compte/mot-de-passe", _tous(OK, **CONNECTES))],
    "comptes.mon_compte": [("GET", lambda o: "/compte", _tous(OK, **CONNECTES))],
    "notes.liste": [
        ("GET", lambda o: "/notes/", _tous(OK, anonyme=LOGIN, chef=INTERDIT, admin=INTERDIT)),
        ("POST", lambda o: "/notes/", _tous(OK, anonyme=LOGIN, chef=INTERDIT, admin=INTERDIT)),
    ],
    "notes.voir": [("GET", lambda o: f"/notes/{o['note']}", AUTEUR_SEUL)],
    "notes.modifier": [("GET", lambda o: f"/notes/{o['note']}/modifier", AUTEUR_SEUL),
                       ("POST", lambda o: f"/notes/{o['note']}/modifier", AUTEUR_SEUL)],
    "notes.partager": [("POST", lambda o: f"/notes/{o['note']}/partages", AUTEUR_SEUL)],
    "notes.retirer_partage": [
        ("POST", lambda o: f"/notes/{o['note']}/partages/{o['collegue']}/retrait", AUTEUR_SEUL)],
    "referentiel.index": [("GET", lambda o: "/referentiel/", _tous(OK, **CONNECTES))],
    "referentiel.competence": [("GET", lambda o: "/referentiel/competences/CP6", _tous(OK, **CONNECTES))],
    "referentiel.dossier": [("GET", lambda o: "/referentiel/dossier", _tous(OK, **CONNECTES))],
    "admin.structures": [("GET", lambda o: "/admin/structures", ADMIN_SEUL),
                         ("POST", lambda o: "/admin/structures", ADMIN_SEUL)],
    "admin.structure": [("GET", lambda o: f"/admin/structures/{o['structure']}", ADMIN_SEUL),
                        ("POST", lambda o: f"/admin/structures/{o['structure']}", ADMIN_SEUL)],
    "admin.nouvel_utilisateur": [("GET", lambda o: "/admin/utilisateurs/nouveau", ADMIN_SEUL),
                                 ("POST", lambda o: "/admin/utilisateurs/nouveau", ADMIN_SEUL)],
    "admin.utilisateur": [("GET", lambda o: f"/admin/utilisateurs/{o['collegue']}", ADMIN_SEUL),
                          ("POST", lambda o: f"/admin/utilisateurs/{o['collegue']}", ADMIN_SEUL)],
    "admin.journal": [("GET", lambda o: "/admin/journal", ADMIN_SEUL)],
}


def test_chaque_route_est_dans_la_matrice(app):
    endpoints = {regle.endpoint for regle in app.url_map.iter_rules()}
    manquants = endpoints - set(MATRICE)
    assert not manquants, f"Routes sans ligne dans la matrice d'accès : {sorted(manquants)}"
    for regle in app.url_map.iter_rules():
        methodes = {m for m in regle.methods if m not in ("HEAD", "OPTIONS")}
        declarees = {m for m, _u, _a in MATRICE[regle.endpoint]}
        assert methodes <= declarees, f"{regle.endpoint} : méthodes non couvertes {methodes - declarees}"


def _classer(reponse) -> object:
    # 302 to the login page: not logged in (a logout answers 303 to the same page).
    if reponse.status_code == 302 and "/connexion" in reponse.headers.get("Location", ""):
        return LOGIN
    if reponse.status_code in (403, 404):
        return reponse.status_code
    assert reponse.status_code < 500, reponse.status_code
    return OK


@pytest.mark.parametrize("role", ROLES)
def test_matrice(role, nav, fabrique, ctx):
    monde = fabrique.monde()
    note = notes.ecrire_note(ctx, auteur=monde.conseiller, contenu="Texte de la matrice 7f3a")
    ctx.commit()
    objets = {"note": note.id, "collegue": monde.collegue.id, "structure": monde.structure.id}
    comptes = {"conseiller": monde.conseiller, "collegue": monde.collegue, "candidat": monde.candidat,
               "chef": monde.chef, "admin": monde.admin, "ailleurs": monde.conseiller_ailleurs}
    ecarts = []
    connecte = False
    for endpoint, lignes in MATRICE.items():
        for methode, url, attendus in lignes:
            if role != "anonyme" and not connecte:
                assert nav.connexion(comptes[role].email).status_code == 303
                connecte = True
            connecte = connecte and endpoint != "comptes.deconnexion"
            chemin = url(objets)
            if methode == "GET":
                reponse = nav.get(chemin)
            else:
                reponse = nav.post(chemin, {}, depuis="/connexion" if role == "anonyme" else "/compte")
            obtenu = _classer(reponse)
            if obtenu != attendus[role]:
                ecarts.append(f"{methode} {chemin} ({endpoint}) : attendu {attendus[role]}, obtenu {obtenu}")
            assert "Texte de la matrice 7f3a" not in reponse.get_data(as_text=True) or \
                (role == "conseiller" and endpoint == "notes.voir") or \
                (role == "conseiller" and endpoint == "notes.modifier"), f"note visible : {chemin}"
    assert not ecarts, "\n".join(ecarts)
