"""The link « Analyse de pratique » on the page of any record (core.contrat.Encart): the
author's analyses attached to it, and writing a new one. Private: only the author's own."""
from __future__ import annotations

from flask import url_for

from cipdesk.core.contrat import Encart
from cipdesk.core.db import db
from cipdesk.pratique.analyses import queries
from cipdesk.security import policy


def analyses_de_l_enregistrement(utilisateur, objet_type: str, objet_id) -> list[Encart]:
    if not getattr(utilisateur, "is_authenticated", False) or not policy.peut(utilisateur, "pratique.analyser") \
            or objet_type not in queries.types_rattachables():
        return []
    encarts = [Encart(f"Mon analyse de pratique du {a.situation_le:%d/%m/%Y}",
                      url_for("pratique.analyses.voir", analyse_id=a.id), "visible de vous seul·e")
               for a in queries.analyses_de(db.session, utilisateur.id, objet_type, objet_id)]
    encarts.append(Encart("Écrire une analyse de pratique de cette situation",
                          url_for("pratique.analyses.nouvelle", objet_type=objet_type, objet_id=objet_id),
                          "REAC CP11 ; privée et chiffrée"))
    return encarts
