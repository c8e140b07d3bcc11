"""Form fields shared by the domain forms (French dates, check boxes, text helpers).
Choices are always built with `web.formulaires.choix` / `avec_vide`."""
from __future__ import annotations

from datetime import datetime

from wtforms import DateField, SelectField, SelectMultipleField, StringField, TextAreaField, widgets
from wtforms.validators import DataRequired, InputRequired, Length, Optional

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
