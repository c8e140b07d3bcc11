"""Policy, throttling and password rules: plain functions, no database."""
from __future__ import annotations

import uuid
from types import SimpleNamespace as O

import pytest

from cipdesk.comptes.models import Role
from cipdesk.security import passwords, policy
from cipdesk.security.throttle import Limites, connexion_bloquee

S1, S2 = uuid.uuid4(), uuid.uuid4()


def utilisateur(role=Role.CONSEILLER, structure=S1, actif=True):
    return O(id=uuid.uuid4(), role=role, structure_id=structure, actif=actif)


def test_note_lisible_par_son_auteur_et_ses_lecteurs_seulement():
    auteur, lecteur, collegue = utilisateur(), utilisateur(), utilisateur()
    chef, admin, ailleurs = utilisateur(Role.CHEF_DE_SERVICE), utilisateur(Role.ADMIN), utilisateur(structure=S2)
    note = O(structure_id=S1, auteur_id=auteur.id)
    lecteurs = {lecteur.id}
    assert policy.peut_lire_note(auteur, note, lecteurs)
    assert policy.peut_lire_note(lecteur, note, lecteurs)
    for personne in (collegue, chef, admin, ailleurs):
        assert not policy.peut_lire_note(personne, note, lecteurs)
    # even listed as a reader, someone of another structure cannot read
    assert not policy.peut_lire_note(ailleurs, note, {ailleurs.id})


def test_seul_l_auteur_modifie_et_partage_avec_un_conseiller_de_sa_structure():
    auteur, lecteur = utilisateur(), utilisateur()
    note = O(structure_id=S1, auteur_id=auteur.id)
    assert policy.peut_modifier_note(auteur, note)
    assert not policy.peut_modifier_note(lecteur, note)
    assert policy.peut_partager_note_avec(auteur, note, lecteur)
    assert not policy.peut_partager_note_avec(auteur, note, utilisateur(Role.CHEF_DE_SERVICE))
    assert not policy.peut_partager_note_avec(auteur, note, utilisateur(structure=S2))
    assert not policy.peut_partager_note_avec(auteur, note, utilisateur(actif=False))
    assert not policy.peut_partager_note_avec(auteur, note, auteur)
    assert not policy.peut_partager_note_avec(lecteur, note, utilisateur())


def test_autre_structure_introuvable_action_interdite():
    with pytest.raises(policy.Introuvable):
        policy.verifier_structure(utilisateur(), O(structure_id=S2))
    with pytest.raises(policy.Introuvable):
        policy.verifier_structure(utilisateur(), None)
    with pytest.raises(policy.Interdit):
        policy.exiger(policy.peut_administrer(utilisateur()))
    assert policy.peut_administrer(utilisateur(Role.ADMIN))
    assert not policy.peut_ecrire_note(utilisateur(Role.CHEF_DE_SERVICE))


@pytest.mark.parametrize("compte, adresse, bloque", [
    (0, 0, False), (4, 19, False), (5, 0, True), (0, 20, True),
])
def test_limitation_des_tentatives(compte, adresse, bloque):
    message = connexion_bloquee(compte, adresse, Limites(par_compte=5, par_adresse=20, fenetre_minutes=15))
    assert (message is not None) is bloque
    if bloque:
        assert "15 minutes" in message


@pytest.mark.parametrize("mot_de_passe, accepte", [
    ("court", False),
    ("motdepasse123", False),
    ("azertyuiop1234", False),
    ("camille.lefebvre2026", False),
    ("girafe tambour cerise hiver", True),
    ("x" * 129, False),
])
def test_regles_de_mot_de_passe(mot_de_passe, accepte):
    problemes = passwords.problemes_mot_de_passe(mot_de_passe, contexte=["Camille", "Lefebvre"])
    assert (problemes == []) is accepte, problemes


def test_hachage_argon2id():
    h = passwords.hacher("girafe tambour cerise hiver")
    assert h.startswith("$argon2id$")
    assert passwords.verifier(h, "girafe tambour cerise hiver")
    assert not passwords.verifier(h, "autre chose")
    assert not passwords.verifier("pas un hash", "x")


# -- issue #10, point 4: destination after login -------------------------------------
@pytest.mark.parametrize("cible", [
    None, "", "//x", "///x", "/\\x", "\\\\x", "/\t/x", "/\n/x", "/\r/x", "/x\r\nSet-Cookie: a=1",
    "https://x", "HTTP://x", "https:x", "http:/x", "javascript:alert(1)", " javascript:alert(1)",
    "JaVaScRiPt:alert(1)", "data:text/html,x", "x", "x/y", " /x", "/ /x", "/\x00x", "/\x7fx", "/\x85x",
    "/%09/x", "/%2F/x", "/%2f%2fx", "/%5Cx", "/" + "a" * 3000, "?next=/x", "#/x", "//x@y",
])
def test_destination_hostile_refusee(cible):
    from cipdesk.comptes.rules import destination_sure

    assert destination_sure(cible) is None


@pytest.mark.parametrize("cible", ["/", "/notes/", "/accueil/?q=Martin&page=2", "/referentiel/competences/CP6#a",
                                   "/accueil/personnes/0b9e5a3c-0000-4000-8000-000000000000"])
def test_destination_du_site_gardee(cible):
    from cipdesk.comptes.rules import destination_sure

    assert destination_sure(cible) == cible


# -- issue #10, point 9: what the logs keep of the login identifier ---------------------
@pytest.mark.parametrize("saisie, garde", [
    ("camille@exemple.fr", "camille@exemple.fr"),
    ("Girafe-Tambour-2026!", "(identifiant invalide)"),
    ("mot de passe", "(identifiant invalide)"),
    ("p@ss w0rd", "(identifiant invalide)"),
    ("camille@localhost", "(identifiant invalide)"),
    ("", "(identifiant invalide)"),
])
def test_identifiant_journalisable(saisie, garde):
    from cipdesk.comptes.rules import identifiant_journalisable

    assert identifiant_journalisable(saisie) == garde
    assert identifiant_journalisable("admin@localhost", compte_existe=True) == "admin@localhost"


# -- issue #10, point 1: the current role and state decide at every read ------------------
@pytest.mark.parametrize("qui", ["auteur", "lecteur"])
@pytest.mark.parametrize("changement", [dict(role=Role.CHEF_DE_SERVICE), dict(role=Role.ADMIN), dict(actif=False)])
def test_note_illisible_apres_promotion_ou_desactivation(qui, changement):
    auteur, lecteur = utilisateur(), utilisateur()
    note = O(structure_id=S1, auteur_id=auteur.id)
    compte = auteur if qui == "auteur" else lecteur
    assert policy.peut_lire_note(compte, note, {lecteur.id})
    compte.__dict__.update(changement)
    assert not policy.peut_lire_note(compte, note, {lecteur.id})
    if qui == "auteur":
        assert not policy.peut_modifier_note(compte, note)
    autre = lecteur if qui == "auteur" else auteur
    assert policy.peut_lire_note(autre, note, {lecteur.id})  # the other one still reads
