"""Forms of the exit and of the follow-ups at 3 and 6 months."""
from __future__ import annotations

from wtforms import BooleanField, HiddenField, StringField
from wtforms.validators import InputRequired, Length, Optional

from cipdesk.parcours.forms import REQUIS, DateFr, Formulaire
from cipdesk.parcours.forms import select as _select
from cipdesk.parcours.forms import texte as _texte
from cipdesk.parcours.sortie.rules import MOTIFS_SORTIE, CategorieSortie, DevenirEtapes, SituationSuivi
from cipdesk.web.formulaires import avec_vide, choix


def choix_motifs():
    """Every exit reason grouped by category, starting empty: the reason feeds the
    funders' figures, so nothing is recorded that the conseiller did not choose."""
    lignes = []
    for categorie in CategorieSortie:
        lignes += [(code, f"{categorie.libelle} — {libelle}") for code, (libelle, cat) in MOTIFS_SORTIE.items()
                   if cat == categorie]
    return avec_vide(lignes)


class SortieForm(Formulaire):
    version = HiddenField()
    sortie_le = DateFr("Date de sortie", validators=[InputRequired(REQUIS)])
    motif = _select("Motif de sortie (et sa catégorie)")
    precision = _texte("Précisions sur la sortie (employeur, contrat, formation…)", longueur=2000)
    bilan = _texte("Bilan du parcours", requis=True)
    devenir_etapes = _select("Que deviennent les étapes encore ouvertes ?", requis=False)
    relais_vers = StringField("Passage de relais : à qui", validators=[Optional(), Length(max=200)])
    relais_contenu = _texte("Ce qui est transmis", longueur=3000)
    relais_consentement = BooleanField("La personne consent à ce passage de relais")

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.motif.choices = choix_motifs()
        self.devenir_etapes.choices = choix([("", "—"), *DevenirEtapes.choix()])


class SuiviForm(Formulaire):
    mois = _select("Suivi", choix([("3", "À 3 mois"), ("6", "À 6 mois")]))
    fait_le = DateFr("Date du suivi", validators=[InputRequired(REQUIS)])
    situation = _select("Situation de la personne", choix(SituationSuivi.choix()))
    commentaire = StringField("Commentaire", validators=[Optional(), Length(max=500)])
