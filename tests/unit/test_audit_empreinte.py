"""The audit chain's empreinte (issue #10, point 8): stable across what the engines give back
(naive UTC from SQLite, aware from PostgreSQL, JSON key order), different for any change of
content, of the previous empreinte or of the key."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

from cipdesk.security.audit import Action, calculer_empreinte, contenu_canonique

CLE = b"k" * 32


def ligne(**kw) -> dict:
    base = {"rang": 7, "at": datetime(2026, 11, 30, 9, 15, 2, 123456, tzinfo=timezone.utc),
            "acteur_id": uuid.UUID(int=1), "acteur_libelle": "Yannick Dubois <y@exemple.fr>",
            "role": "conseiller", "structure_id": uuid.UUID(int=2), "action": Action.LECTURE,
            "objet_type": "note_confidentielle", "objet_id": "abc", "adresse_ip": "10.0.0.1",
            "agent": "Firefox", "motif": "", "details": {"b": 1, "a": [1, 2]}}
    base.update(kw)
    return base


def test_meme_contenu_meme_empreinte_quel_que_soit_le_moteur():
    reference = calculer_empreinte(CLE, ligne(), "0" * 64)
    sqlite = ligne(at=datetime(2026, 11, 30, 9, 15, 2, 123456), action="lecture",
                   details={"a": [1, 2], "b": 1})
    paris = ligne(at=datetime(2026, 11, 30, 10, 15, 2, 123456, tzinfo=timezone(timedelta(hours=1))))
    assert calculer_empreinte(CLE, sqlite, "0" * 64) == reference
    assert calculer_empreinte(CLE, paris, "0" * 64) == reference


def test_tout_changement_change_l_empreinte():
    reference = calculer_empreinte(CLE, ligne(), "0" * 64)
    for champ, valeur in (("rang", 8), ("acteur_libelle", "Autre"), ("objet_id", "abd"),
                          ("details", {"b": 2, "a": [1, 2]}), ("action", Action.EXPORT),
                          ("at", datetime(2026, 11, 30, 9, 15, 2, 123457, tzinfo=timezone.utc))):
        assert calculer_empreinte(CLE, ligne(**{champ: valeur}), "0" * 64) != reference, champ
    assert calculer_empreinte(CLE, ligne(), "1" * 64) != reference
    assert calculer_empreinte(b"x" * 32, ligne(), "0" * 64) != reference


def test_le_contenu_ne_melange_pas_les_champs():
    # "a|b" + "" must not equal "a" + "|b": the content is a JSON list, not a concatenation.
    assert contenu_canonique(ligne(objet_type="a|b", objet_id="")) != \
        contenu_canonique(ligne(objet_type="a", objet_id="|b"))
