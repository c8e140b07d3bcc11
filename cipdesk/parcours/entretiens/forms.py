"""Form of an entretien de suivi."""
from __future__ import annotations

from wtforms import HiddenField
from wtforms.validators import InputRequired, NumberRange, Optional

from cipdesk.parcours.forms import REQUIS, DateFr, EntierFr, Formulaire
from cipdesk.parcours.forms import select as _select
from cipdesk.parcours.forms import texte as _texte
from cipdesk.parcours.entretiens.rules import ModeEntretien, TypeEntretien
from cipdesk.web.formulaires import choix


class EntretienForm(Formulaire):
    le = DateFr("Date de l'entretien", validators=[InputRequired(REQUIS)])
    duree_minutes = EntierFr("Durée (minutes)", validators=[Optional(), NumberRange(5, 480, "Entre 5 et 480 minutes.")])
    mode = _select("Mode", choix(ModeEntretien.choix()))
    type_entretien = _select("Type d'entretien", choix(TypeEntretien.choix()))
    objectif = _texte("Objectif de l'entretien", requis=True, longueur=2000)
    synthese = _texte("Synthèse partageable avec la personne")
    progres = _texte("Points de progrès")
    decisions = _texte("Décisions")
    prochaines_actions = _texte("Prochaines actions")
    prochain_rdv_le = DateFr("Prochain rendez-vous", validators=[Optional()])
    note = _texte("Note confidentielle (chiffrée, lisible par vous seul·e)", longueur=20000,
                  description="Restez factuel·le : la personne peut demander à lire ce qui la concerne (RGPD).")


class CorrectionEntretienForm(EntretienForm):
    """Correcting a saved entretien: the same fields but the confidential note (kept apart,
    by the notes module); the version read guards against overwriting a colleague."""
    note = None
    version = HiddenField()
