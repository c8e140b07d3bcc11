"""Forms of the réunion d'information collective."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import SelectField
from wtforms.validators import InputRequired

from cipdesk.accueil.reunions.models import CONTENUS_REUNION, ResultatReunion
from cipdesk.web.champs import CasesACocher, DateFr, ligne, texte
from cipdesk.web.formulaires import choix


class ReunionForm(FlaskForm):
    date_reunion = DateFr("Date de la réunion", validators=[InputRequired("La date de la réunion est obligatoire.")])
    lieu = ligne("Lieu", requis=True)
    animateurs = ligne("Animateurs", longueur=300)
    contenus = CasesACocher("Contenus présentés", choices=[], validate_choice=False)
    contenus_precisions = texte("Précisions", longueur=3000)

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.contenus.choices = choix(CONTENUS_REUNION.items())


class ParticipantForm(FlaskForm):
    """A person already known to the structure. A new person is created on the
    personnes form first (the personnes module owns the creation and its duplicate check)."""
    personne = SelectField("Personne", choices=[], validate_choice=False)
    resultat = SelectField("Résultat", choices=[], validate_choice=False)
    commentaire = ligne("Commentaire", longueur=500)

    def __init__(self, *args, personnes=(), **kw):
        super().__init__(*args, **kw)
        self.personne.choices = choix([("", "— choisir —")] + [(p.id, p.nom_complet) for p in personnes])
        self.resultat.choices = choix((r.value, r.libelle) for r in ResultatReunion)
