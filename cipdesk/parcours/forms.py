"""What every form of the parcours shares: NUL characters filtered, French parse
errors for dates and numbers, small field builders. Choices are set by the routes
with `choix(...)` / `avec_vide(...)` (only active list values are offered)."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

REQUIS = "Ce champ est obligatoire."


def _sans_nul(valeur):
    """PostgreSQL refuses NUL characters in text: they never reach a service."""
    return valeur.replace("\x00", "") if isinstance(valeur, str) else valeur


class Formulaire(FlaskForm):
    """Base of the parcours forms: every field filtered of NUL characters."""

    class Meta:
        def bind_field(self, form, unbound_field, options):
            filtres = (*unbound_field.kwargs.get("filters", ()), _sans_nul)
            return unbound_field.bind(form=form, **{**options, "filters": filtres})


class DateFr(DateField):
    """A date field (input type=date) with a French parse error."""

    def process_formdata(self, valeurs):
        try:
            super().process_formdata(valeurs)
        except ValueError:
            self.data = None
            raise ValueError("Date invalide : utilisez le format jj/mm/aaaa.") from None


class EntierFr(IntegerField):
    def process_formdata(self, valeurs):
        try:
            super().process_formdata(valeurs)
        except ValueError:
            self.data = None
            raise ValueError("Saisissez un nombre entier.") from None


def texte(libelle, requis=False, longueur=5000, **kw):
    validateurs = [DataRequired(REQUIS)] if requis else [Optional()]
    return TextAreaField(libelle, validators=[*validateurs, Length(max=longueur)], **kw)


def select(libelle, choices=None, requis=True, **kw):
    return SelectField(libelle, choices=choices or [], validators=[DataRequired(REQUIS)] if requis else [],
                       validate_choice=False, **kw)


def en_enum(enum_type, valeur, defaut=None):
    """The member of `enum_type` whose value is `valeur`, else `defaut`."""
    try:
        return enum_type(valeur)
    except ValueError:
        return defaut
