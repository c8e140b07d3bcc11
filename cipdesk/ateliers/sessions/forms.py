"""Forms of the sessions: creation with the first half-day, more half-days, enrolment, capacity."""
from __future__ import annotations

from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from cipdesk.ateliers.conception.forms import REQUIS, DateFr, Formulaire, HeureFr, entier, liste, texte
from cipdesk.ateliers.sessions.rules import Periode


class DemiJourneeForm(Formulaire):
    jour = DateFr("Date", validators=[InputRequired(REQUIS)])
    periode = liste("Demi-journée", Periode)
    debut = HeureFr("Heure de début", validators=[InputRequired(REQUIS)])
    fin = HeureFr("Heure de fin", validators=[InputRequired(REQUIS)])


class SessionForm(DemiJourneeForm):
    animateur_id = SelectField("Animateur·rice", choices=[], validate_choice=False, validators=[DataRequired(REQUIS)])
    co_animateurs = texte("Co-animateurs (collègues, partenaires)", longueur=2000)
    lieu = StringField("Lieu", validators=[Optional(), Length(max=200)])
    capacite = entier("Capacité (places)", 1, 100)


class InscriptionForm(Formulaire):
    personne_id = SelectField("Personne de la file active", choices=[], validate_choice=False,
                              validators=[DataRequired(REQUIS)])


class CapaciteForm(Formulaire):
    capacite = entier("Capacité (places)", 0, 100)
