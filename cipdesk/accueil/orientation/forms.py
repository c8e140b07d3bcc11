"""Forms of the orientation to a partner."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField
from wtforms.validators import InputRequired, Optional

from cipdesk.accueil.orientation.models import ReponsePartenaire
from cipdesk.web.champs import DateFr, ligne, texte
from cipdesk.web.formulaires import choix


class OrientationForm(FlaskForm):
    partenaire = SelectField("Partenaire", choices=[], validate_choice=False)
    date_orientation = DateFr("Date de l'orientation", validators=[InputRequired("La date de l'orientation est obligatoire.")])
    motif = texte("Motif de l'orientation", requis=True, longueur=3000)
    informations_transmises = texte("Informations transmises au partenaire", longueur=3000,
                                    description="Seulement ce qui est strictement nécessaire, avec l'accord de la personne.")
    consentement = BooleanField("La personne consent à la transmission de ces informations (secret partagé)")
    consentement_le = DateFr("Date du consentement", validators=[Optional()])
    consentement_mode = ligne("Comment le consentement a été recueilli")


class ReponseForm(FlaskForm):
    reponse = SelectField("Réponse du partenaire", choices=[], validate_choice=False)
    reponse_le = DateFr("Date de la réponse", validators=[Optional()])
    reponse_commentaire = texte("Commentaire", longueur=2000,
                                description="Si l'orientation expire sans réponse : son motif (obligatoire).")

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.reponse.choices = choix((r.value, r.libelle) for r in ReponsePartenaire)
