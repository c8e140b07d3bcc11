"""Encryption without a database: envelope, row binding, key file."""
from __future__ import annotations

import json
import os
import uuid

import pytest

from cipdesk.security import keys


class FausseSession:
    """Just enough of a SQLAlchemy session for the vault: add/flush/scalar/get."""

    def __init__(self):
        self.lignes: dict[uuid.UUID, keys.CleDonnees] = {}

    def add(self, ligne):
        self.lignes[ligne.id] = ligne

    def flush(self):
        pass

    def get(self, _model, ident):
        return self.lignes.get(ident)

    def scalars(self, _requete):
        class Resultat(list):
            def all(self):
                return list(self)
        return Resultat(l for l in self.lignes.values() if l.active)

    def scalar(self, _requete):
        actives = [l for l in self.lignes.values() if l.active]
        return actives[0] if actives else None


@pytest.fixture
def coffre():
    trousseau = keys.TrousseauKek()
    trousseau.ajouter(os.urandom(32))
    return keys.Coffre(trousseau)


def test_aller_retour_et_donnees_associees(coffre):
    session, structure = FausseSession(), uuid.uuid4()
    blob = coffre.chiffrer(session, structure_id=structure, aad=b"ligne-1", texte="Dettes de loyer : 1 800 €")
    assert b"loyer" not in blob
    assert blob[0] == keys.FORMAT_VERSION
    assert coffre.dechiffrer(session, aad=b"ligne-1", blob=blob) == "Dettes de loyer : 1 800 €"
    with pytest.raises(keys.Indechiffrable):
        coffre.dechiffrer(session, aad=b"ligne-2", blob=blob)  # copied onto another row


def test_blob_altere_refuse(coffre):
    session = FausseSession()
    blob = bytearray(coffre.chiffrer(session, structure_id=uuid.uuid4(), aad=b"a", texte="secret"))
    blob[-1] ^= 1
    with pytest.raises(keys.Indechiffrable):
        coffre.dechiffrer(session, aad=b"a", blob=bytes(blob))
    with pytest.raises(keys.Indechiffrable):
        coffre.dechiffrer(session, aad=b"a", blob=b"\x09" + bytes(blob[1:]))


def test_chaque_chiffrement_a_son_nonce(coffre):
    session, structure = FausseSession(), uuid.uuid4()
    a = coffre.chiffrer(session, structure_id=structure, aad=b"x", texte="même texte")
    b = coffre.chiffrer(session, structure_id=structure, aad=b"x", texte="même texte")
    assert a != b and a[17:29] != b[17:29]


def test_mauvaise_kek_reconnue_comme_absente(coffre):
    session = FausseSession()
    coffre.chiffrer(session, structure_id=uuid.uuid4(), aad=b"x", texte="t")
    autre = keys.TrousseauKek()
    autre.ajouter(os.urandom(32))
    with pytest.raises(keys.CleIntrouvable, match="clé maîtresse"):
        keys.Coffre(autre).verifier(session)
    assert coffre.verifier(session) == 1


def test_rotation_de_la_kek_reenveloppe_les_deks(coffre):
    session = FausseSession()
    blob = coffre.chiffrer(session, structure_id=uuid.uuid4(), aad=b"x", texte="t")
    ancienne = coffre.trousseau.active_id
    coffre.trousseau.ajouter(os.urandom(32), active=True)
    assert coffre.reenvelopper(session) == 1
    seule_nouvelle = keys.TrousseauKek()
    seule_nouvelle.ajouter(coffre.trousseau.cles[coffre.trousseau.active_id])
    assert seule_nouvelle.active_id != ancienne
    assert keys.Coffre(seule_nouvelle).dechiffrer(session, aad=b"x", blob=blob) == "t"


def test_fichier_de_cle_cree_au_premier_lancement(tmp_path, caplog):
    chemin = tmp_path / "keys" / "kek.key"
    t1 = keys.charger_trousseau(env_value=None, file_path=str(chemin), creer=True)
    assert "nouvelle clé maîtresse" in caplog.text
    assert oct(chemin.stat().st_mode & 0o777) == "0o400"
    assert json.loads(chemin.read_text())["active"] == t1.active_id
    t2 = keys.charger_trousseau(env_value=None, file_path=str(chemin), creer=True)
    assert t2.cles == t1.cles


def test_fichier_absent_sans_creation_refuse(tmp_path):
    with pytest.raises(keys.CleIntrouvable, match="introuvable"):
        keys.charger_trousseau(env_value=None, file_path=str(tmp_path / "absent"), creer=False)


def test_cle_de_mauvaise_taille_refusee():
    with pytest.raises(keys.CleIntrouvable, match="32 octets"):
        keys.TrousseauKek().ajouter(b"trop courte")
