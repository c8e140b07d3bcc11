"""Forms of the spreadsheet import (issue #19). The columns' mapping is one select per column of
the file, read by the view (`colonne-<n>`): their number depends on the file."""
from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, SelectField

from cipdesk.tableur.services import DECISIONS
from cipdesk.web.formulaires import avec_vide


class DepotForm(FlaskForm):
    fichier = FileField("Fichier (XLSX, ODS ou CSV)", validators=[FileRequired("Choisissez un fichier à déposer.")])


class CorrespondanceForm(FlaskForm):
    version = HiddenField()
    feuille = SelectField("Feuille", choices=[], validate_choice=False)
    correspondance = HiddenField()   # where the errors of the mapping are attached


class ImportForm(FlaskForm):
    version = HiddenField()
    conflits = SelectField("Pour les lignes en conflit", choices=avec_vide(DECISIONS.items(), "— Choisissez —"),
                           validate_choice=False)


class AnnulationForm(FlaskForm):
    version = HiddenField()
