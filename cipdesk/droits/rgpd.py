"""The module's own records about a person, in the export and the erasure (security/rgpd.py)."""
from __future__ import annotations

from cipdesk.security import rgpd
from cipdesk.droits.models import Anonymisation, DecisionNote, DemandeAcces, NoticeRemise, Rectification
from cipdesk.security.acces_exceptionnel import AccesExceptionnel

EXPORT = (rgpd.exporter(
    ("notice_information", "notice d'information remise", NoticeRemise),
    ("demande_acces", "demande d'accès de la personne", DemandeAcces),
    ("decision_note", "décision d'un auteur sur sa note", DecisionNote),
    ("rectification", "rectification de l'identité", Rectification),
    ("acces_exceptionnel", "accès exceptionnel d'un chef de service", AccesExceptionnel),
    ("anonymisation", "anonymisation du dossier", Anonymisation),
),)
EFFACEMENT = (rgpd.effacer(Rectification),)
