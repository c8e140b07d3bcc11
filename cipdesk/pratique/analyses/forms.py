from __future__ import annotations

from wtforms import BooleanField, HiddenField, SelectField

from cipdesk.pratique.analyses.models import TypeSeance
from cipdesk.pratique.analyses.rules import LONGUEUR_MAX, LONGUEUR_TITRE, RUBRIQUES
from cipdesk.web.champs import CasesACocher, DateFr, Formulaire, liste, ligne, texte

AIDES = {
    "situation": "Le contexte : quand, où, dans quel cadre (entretien, atelier, visite d'entreprise…), sans nom ni "
                 "détail qui permette de reconnaître la personne.",
    "faits": "Ce qui s'est passé, ce qui a été dit et fait, sans interprétation.",
    "opinions": "Ce que vous en pensez, vos hypothèses.",
    "emotions": "Ce que vous avez ressenti sur le moment et après.",
    "facteurs": "Ce qui a pesé sur la situation : cadre, dispositif, relation, contexte de la personne, vos limites.",
    "points_forts": "Ce qui a marché dans votre pratique, et pourquoi.",
    "difficultes": "Ce qui a coincé ; vos limites et celles de votre fonction.",
    "ajustements": "Les ajustements pertinents pour cette situation ou pour les suivantes.",
    "autrement": "Ce que vous ferez autrement la prochaine fois, et pourquoi.",
}


class AnalyseForm(Formulaire):
    titre = ligne(RUBRIQUES["titre"], longueur=LONGUEUR_TITRE)
    situation_le = DateFr("Date de la situation")
    situation = texte(RUBRIQUES["situation"], longueur=LONGUEUR_MAX, description=AIDES["situation"])
    faits = texte(RUBRIQUES["faits"], longueur=LONGUEUR_MAX, description=AIDES["faits"])
    opinions = texte(RUBRIQUES["opinions"], longueur=LONGUEUR_MAX, description=AIDES["opinions"])
    emotions = texte(RUBRIQUES["emotions"], longueur=LONGUEUR_MAX, description=AIDES["emotions"])
    facteurs = texte(RUBRIQUES["facteurs"], longueur=LONGUEUR_MAX, description=AIDES["facteurs"])
    points_forts = texte(RUBRIQUES["points_forts"], longueur=LONGUEUR_MAX, description=AIDES["points_forts"])
    difficultes = texte(RUBRIQUES["difficultes"], longueur=LONGUEUR_MAX, description=AIDES["difficultes"])
    ajustements = texte(RUBRIQUES["ajustements"], longueur=LONGUEUR_MAX, description=AIDES["ajustements"])
    autrement = texte(RUBRIQUES["autrement"], longueur=LONGUEUR_MAX, description=AIDES["autrement"])
    confirmer_noms = BooleanField("Les mots signalés ne désignent pas une personne accompagnée (homonyme, nom de "
                                  "lieu…) : enregistrer quand même")
    objet_type = HiddenField()
    objet_id = HiddenField()
    version = HiddenField()

    def valeurs(self) -> dict[str, str]:
        return {r: getattr(self, r).data or "" for r in RUBRIQUES}


class PartageSeanceForm(Formulaire):
    # Nobody pre-selected: bringing an analysis to a group is a choice, never a default.
    seance = SelectField("Séance d'analyse de pratique", choices=[], validate_choice=False)


class SeanceForm(Formulaire):
    type_seance = liste("Type de séance", TypeSeance)
    le = DateFr("Date de la séance")
    animateur = ligne("Animateur·rice ou superviseur·e")
    participants = CasesACocher("Participant·es de la structure (ils et elles liront les analyses partagées)",
                                choices=[], validate_choice=False)
    participants_externes = texte("Autres participant·es (professionnel·les hors de la structure)", longueur=2000)


class ActionForm(Formulaire):
    """A POST with nothing to type (share with the tutor, remove a share)."""
