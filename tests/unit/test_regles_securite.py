"""Policy, throttling and password rules: plain functions, no database."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace as O

import pytest

from cipdesk.comptes.models import Role
from cipdesk.security import passwords, policy
from cipdesk.security.throttle import Echecs, Limites, attente, delai, message_attente

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


MAINTENANT = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)
LIMITES = Limites(par_compte=5, par_adresse=20, par_compte_toutes_adresses=50, fenetre_minutes=15)


def _echecs(nombre, il_y_a_secondes=0):
    return Echecs(nombre, MAINTENANT - timedelta(seconds=il_y_a_secondes) if nombre else None)


@pytest.mark.parametrize("echecs, attendu", [
    (0, 0), (4, 0), (5, 30), (6, 60), (7, 120), (9, 480), (10, 900), (40, 900),
])
def test_delais_croissants_plafonnes(echecs, attendu):
    assert delai(echecs, 5, LIMITES) == timedelta(seconds=attendu)


@pytest.mark.parametrize("poste, compte, adresse, attendu", [
    (_echecs(4), _echecs(4), _echecs(4), 0),
    (_echecs(5), _echecs(5), _echecs(5), 30),
    (_echecs(5, 31), _echecs(5, 31), _echecs(5, 31), 0),          # the delay runs from the last counted failure
    (_echecs(0), _echecs(50), _echecs(0), 30),                     # one account from many addresses
    (_echecs(0), _echecs(0), _echecs(20), 30),                     # one address over many accounts
    (_echecs(0), _echecs(0), _echecs(21, 10), 50),
    (_echecs(0), None, None, 0),                                   # a known browser ignores the wide counters
    (_echecs(6, 10), None, None, 50),                              # …but is held by its own
])
def test_attente_avant_un_nouvel_essai(poste, compte, adresse, attendu):
    assert attente(poste=poste, compte=compte, adresse=adresse, maintenant=MAINTENANT,
                   limites=LIMITES) == timedelta(seconds=attendu)


def test_message_d_attente_en_francais():
    assert "réessayez dans 30 secondes" in message_attente(timedelta(seconds=29.2), appareil_connu=False)
    assert "réessayez dans 1 minute." in message_attente(timedelta(seconds=60), appareil_connu=True)
    assert "réessayez dans 15 minutes" in message_attente(timedelta(minutes=14, seconds=1), appareil_connu=True)
    assert "navigateur où vous vous êtes déjà connecté" in message_attente(timedelta(1), appareil_connu=False)
    assert "navigateur" not in message_attente(timedelta(seconds=5), appareil_connu=True)
    assert "débloquer" in message_attente(timedelta(seconds=5), appareil_connu=True)


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


# -- issue #10, point 5: who may be a tutor ----------------------------------------------------
def test_tuteur_conseiller_ou_chef_actif_de_la_structure_jamais_soi_meme():
    candidat = utilisateur()
    assert policy.peut_etre_tuteur(utilisateur(), candidat)
    assert policy.peut_etre_tuteur(utilisateur(Role.CHEF_DE_SERVICE), candidat)
    for refuse in (utilisateur(Role.ADMIN), utilisateur(structure=S2), utilisateur(actif=False), candidat, None):
        assert not policy.peut_etre_tuteur(refuse, candidat)
    chef = utilisateur(Role.CHEF_DE_SERVICE)
    assert not policy.peut_designer_tuteur(chef, candidat, chef)
    assert policy.peut_designer_tuteur(utilisateur(Role.ADMIN), candidat, chef)


def test_tuteur_promu_ne_voit_plus_la_couverture():
    candidat, tuteur = utilisateur(), utilisateur()
    profil = O(tuteur_id=tuteur.id, consentement_tuteur=True)
    assert policy.peut_voir_couverture(tuteur, candidat, profil)
    tuteur.role = Role.ADMIN
    assert not policy.peut_voir_couverture(tuteur, candidat, profil)


# -- issue #10, point 2: server-side sessions ------------------------------------------------
def test_session_expiree_par_inactivite_ou_duree_maximale():
    from cipdesk.comptes.rules import session_expiree

    limites = dict(inactivite=timedelta(minutes=30), duree_max=timedelta(hours=10))
    debut = MAINTENANT - timedelta(hours=2)
    assert session_expiree(debut=debut, vu_le=MAINTENANT - timedelta(minutes=30), maintenant=MAINTENANT,
                           **limites) is None
    assert session_expiree(debut=debut, vu_le=MAINTENANT - timedelta(minutes=32), maintenant=MAINTENANT,
                           **limites) == "inactivite"
    assert session_expiree(debut=MAINTENANT - timedelta(hours=10, seconds=1), vu_le=MAINTENANT,
                           maintenant=MAINTENANT, **limites) == "duree_maximale"
    # SQLite gives naive UTC datetimes back
    assert session_expiree(debut=debut.replace(tzinfo=None), vu_le=MAINTENANT.replace(tzinfo=None),
                           maintenant=MAINTENANT, **limites) is None


def test_session_expiree_sans_marge_quand_la_signature_du_cookie_est_tardive():
    """A cookie signed longer ago than the idle limit (+ the minute its re-signing may lag) proves
    its browser idle longer than the limit: the minute's slack given to last-seen is not needed."""
    from cipdesk.comptes.rules import session_expiree

    limites = dict(inactivite=timedelta(minutes=30), duree_max=timedelta(hours=10))
    debut = MAINTENANT - timedelta(hours=2)
    vu_le = MAINTENANT - timedelta(minutes=30, seconds=20)
    assert session_expiree(debut=debut, vu_le=vu_le, maintenant=MAINTENANT, **limites) is None
    assert session_expiree(debut=debut, vu_le=vu_le, maintenant=MAINTENANT, signature_tardive=True,
                           **limites) == "inactivite"
    # seen recently (another copy of the cookie is in use): still open, whatever the old cookie's age
    assert session_expiree(debut=debut, vu_le=MAINTENANT - timedelta(minutes=1), maintenant=MAINTENANT,
                           signature_tardive=True, **limites) is None


def test_derniere_activite_notee_au_plus_une_fois_par_minute():
    from cipdesk.comptes.rules import passage_a_noter

    assert not passage_a_noter(MAINTENANT - timedelta(seconds=59), MAINTENANT)
    assert passage_a_noter(MAINTENANT - timedelta(seconds=60), MAINTENANT)


@pytest.mark.parametrize("agent, resume", [
    ("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox sous Linux"),
    ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 "
     "Safari/537.36 Edg/126.0.0.0", "Edge sous Windows"),
    ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
     "Version/17.5 Mobile/15E148 Safari/604.1", "Safari sous iOS"),
    ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 "
     "Mobile Safari/537.36", "Chrome sous Android"),
    ("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 "
     "Safari/605.1.15", "Safari sous macOS"),
    ("Werkzeug/3.1.9", "Navigateur non reconnu"),
    ("", "Navigateur non reconnu"),
])
def test_resume_du_navigateur(agent, resume):
    from cipdesk.comptes.rules import resume_agent

    assert resume_agent(agent) == resume
