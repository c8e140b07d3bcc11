from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, SelectField
from wtforms.validators import DataRequired, Optional

from cipdesk.documents_joints.rules import NATURES
from cipdesk.web.formulaires import avec_vide


class DepotForm(FlaskForm):
    nature = SelectField("Nature du document", choices=avec_vide(NATURES.items()),
                         validators=[DataRequired("Choisissez la nature du document.")])
    fichier = FileField("Fichier", validators=[Optional()],
                        description="PDF, JPEG ou PNG. Le type est vérifié d'après le contenu du fichier.")
    objet_type = HiddenField()
    objet_id = HiddenField()
