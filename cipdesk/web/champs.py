"""Form fields shared by the domain forms (French dates, check boxes, text helpers).
Choices are always built with `web.formulaires.choix` / `avec_vide`."""
from __future__ import annotations

from datetime import datetime

from flask_wtf import FlaskForm
from wtforms import (DateField, IntegerField, SelectField, SelectMultipleField, StringField, TextAreaField, TimeField,
                     widgets)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from cipdesk.web.formulaires import avec_vide, choix

REQUIS = "Ce champ est obligatoire."


class DateFr(DateField):
    """input type=date; also accepts jj/mm/aaaa; an impossible date gets a French reason."""

    def process_formdata(self, valeurs):
        self.data = None
        if not valeurs or not (valeurs[0] or "").strip():
            return
        texte = valeurs[0].strip()
        for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                self.data = datetime.strptime(texte, fmt).date()
                return
            except ValueError:
                continue
        raise ValueError("Date invalide ou impossible : utilisez le format jj/mm/aaaa.")


def _sans_nul(valeur):
    """PostgreSQL refuses NUL characters in text: they never reach a service
    (web.saisie already refuses them with a 422; this is the second line)."""
    return valeur.replace("\x00", "") if isinstance(valeur, str) else valeur


class Formulaire(FlaskForm):
    """Base of the domain forms: every field filtered of NUL characters."""

    class Meta:
        def bind_field(self, form, unbound_field, options):
            filtres = (*unbound_field.kwargs.get("filters", ()), _sans_nul)
            return unbound_field.bind(form=form, **{**options, "filters": filtres})


class EntierFr(IntegerField):
    def process_formdata(self, valeurs):
        try:
            super().process_formdata(valeurs)
        except ValueError:
            self.data = None
            raise ValueError("Saisissez un nombre entier.") from None


class HeureFr(TimeField):
    def process_formdata(self, valeurs):
        try:
            super().process_formdata(valeurs)
        except ValueError:
            self.data = None
            raise ValueError("Heure invalide : utilisez le format hh:mm.") from None


class CasesACocher(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


def texte(libelle, requis=False, longueur=5000, **kw):
    validateurs = [DataRequired(REQUIS)] if requis else [Optional()]
    return TextAreaField(libelle, validators=[*validateurs, Length(max=longueur, message=f"{longueur} caractères au plus.")], **kw)


def ligne(libelle, requis=False, longueur=200, **kw):
    validateurs = [DataRequired(REQUIS)] if requis else [Optional()]
    return StringField(libelle, validators=[*validateurs, Length(max=longueur, message=f"{longueur} caractères au plus.")], **kw)


def selection(libelle, paires, **kw):
    """A list where the first option is already a real value (no figure depends on it)."""
    return SelectField(libelle, choices=choix(paires), **kw)


def selection_a_choisir(libelle, paires, *, requis: str | None = None, **kw):
    """A list that starts on « — choisir — »: nothing recorded that nobody chose.
    `requis` is the French message when a choice is mandatory (else the field may stay empty)."""
    validateurs = [InputRequired(requis)] if requis else [Optional()]
    return SelectField(libelle, choices=avec_vide(paires), validators=validateurs, default="", **kw)


def select(libelle, choices=None, requis=True, **kw):
    """A list whose choices the route sets (`choix` / `avec_vide`)."""
    return SelectField(libelle, choices=choices or [], validators=[DataRequired(REQUIS)] if requis else [],
                       validate_choice=False, **kw)


def liste(libelle, enum, requis=True, **kw):
    """A select over an enum (EnumLibelle), starting with « — choisir — » (nothing pre-selected)."""
    return SelectField(libelle, choices=avec_vide(enum.choix()), validators=[DataRequired(REQUIS)] if requis else
                       [Optional()], **kw)


def entier(libelle, mini=0, maxi=100000, requis=True, **kw):
    return EntierFr(libelle, validators=[InputRequired(REQUIS) if requis else Optional(),
                                         NumberRange(mini, maxi, f"Entre {mini} et {maxi}.")], **kw)


def en_enum(enum_type, valeur, defaut=None):
    """The member of `enum_type` whose value is `valeur`, else `defaut`."""
    try:
        return enum_type(valeur)
    except ValueError:
        return defaut
