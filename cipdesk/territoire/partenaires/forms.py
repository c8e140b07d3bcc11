"""Forms of the répertoire des partenaires."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, StringField
from wtforms.validators import Email, Length, Optional

from cipdesk.web.champs import CasesACocher, DateFr, ligne, texte


class PartenaireForm(FlaskForm):
    nom = ligne("Nom du partenaire", requis=True)
    type_partenaire = ligne("Type", longueur=120, description="Exemple : CCAS, SIAO, CMP, auto-école sociale…")
    domaines = CasesACocher("Domaines d'intervention", choices=[], validate_choice=False)
    adresse = ligne("Adresse", longueur=300)
    contact_nom = ligne("Personne à contacter")
    telephone = ligne("Téléphone", longueur=30)
    email = StringField("Adresse électronique", validators=[Optional(), Length(max=254),
                                                            Email("Adresse électronique invalide.")])
    site_web = StringField("Site web", validators=[Optional(), Length(max=300)])
    publics = texte("Publics accueillis")
    conditions_acces = texte("Conditions d'accès", description="Critères, pièces à fournir, délais.")
    modalites_orientation = texte("Comment orienter", description="Fiche de liaison, prescription, appel, plateforme…")
    verifie_le = DateFr("Fiche vérifiée avec le partenaire le", validators=[Optional()])
    actif = BooleanField("Partenaire actif", default=True)
    version = HiddenField()  # optimistic locking on edit (issue #10, point 12)


class ContactForm(FlaskForm):
    nom = ligne("Nom", requis=True)
    role = ligne("Rôle", description="Exemple : référente insertion, coordinateur SIAO.")
    telephone = ligne("Téléphone", longueur=30)
    email = StringField("Adresse électronique", validators=[Optional(), Length(max=254),
                                                            Email("Adresse électronique invalide.")])
