"""Modèle de données du référentiel du titre professionnel CIP (REAC et RC TP-00403)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Competence:
    """Compétence professionnelle (CP1–CP15) ou transversale (CT1), d'après la fiche compétence du REAC."""

    code: str  # "CP1".."CP15", "CT1" pour la compétence transversale
    numero: int
    intitule: str
    activite: int | None  # numéro de l'activité type ; None pour la compétence transversale
    description: str  # « Description de la compétence – processus de mise en œuvre » (REAC)
    contextes: str  # « Contexte(s) professionnel(s) de mise en œuvre » (REAC) ; vide si absent
    criteres_performance: tuple[str, ...]  # REAC, « Critères de performance »
    criteres_evaluation: tuple[str, ...]  # RC §3.2, « Critères d'évaluation »
    savoir_faire: tuple[str, ...] = ()  # REAC : savoir-faire techniques, organisationnels, relationnels
    connaissances: tuple[str, ...] = ()  # REAC : savoirs (« Connaissance… »)
    competences_concernees: tuple[str, ...] = ()  # RC §3.3 : CP au travers desquelles une CT est évaluée

    @property
    def est_transversale(self) -> bool:
        return self.activite is None

    @property
    def libelle(self) -> str:
        return f"{self.code} — {self.intitule}"


@dataclass(frozen=True, slots=True)
class ActiviteType:
    """Activité type du REAC ; à chacune correspond un certificat de compétences professionnelles (CCP)."""

    numero: int
    intitule: str
    description: str  # « Définition, description de l'activité type et conditions d'exercice » (REAC)
    competences: tuple[str, ...]  # codes des compétences professionnelles, dans l'ordre du REAC


@dataclass(frozen=True, slots=True)
class PartieDossier:
    """Partie d'une production écrite exigée par le RC (dossier du titre ou production d'un CCP)."""

    numero: int
    intitule: str
    competences: tuple[str, ...]
    pages_min: int
    pages_max: int
    contenu: tuple[str, ...]  # ce que le candidat décrit, cité du RC
    source: str  # p. ex. "RC §3.1, première partie"


@dataclass(frozen=True, slots=True)
class Production:
    """Production écrite rédigée en amont de la session : dossier du titre ("titre") ou d'un CCP."""

    code: str  # "titre", "CCP1", "CCP2", "CCP3"
    intitule: str
    pages_min: int  # nombre de pages total annoncé par le RC (hors annexes)
    pages_max: int
    parties: tuple[PartieDossier, ...]

    def partie(self, numero: int) -> PartieDossier:
        for partie in self.parties:
            if partie.numero == numero:
                return partie
        raise KeyError(numero)

    @property
    def competences(self) -> tuple[str, ...]:
        """Codes des compétences couvertes par la production, sans doublon, dans l'ordre des parties."""
        vus: dict[str, None] = {}
        for partie in self.parties:
            for code in partie.competences:
                vus.setdefault(code, None)
        return tuple(vus)


@dataclass(frozen=True, slots=True)
class Referentiel:
    """Version datée du référentiel d'un titre : activités, compétences et productions évaluées."""

    code: str  # "reac-2018", "titre-2023"
    intitule: str
    sigle: str  # code du titre, "TP-00403"
    millesime: str
    niveau: str
    source: str
    activites: tuple[ActiviteType, ...]
    competences: tuple[Competence, ...]
    productions: tuple[Production, ...]
    # Non vide : version provisoire, et pourquoi (montré partout où la version est nommée).
    provisoire: str = ""

    def competence(self, code: str) -> Competence:
        for competence in self.competences:
            if competence.code == code:
                return competence
        raise KeyError(code)

    def activite(self, numero: int) -> ActiviteType:
        for activite in self.activites:
            if activite.numero == numero:
                return activite
        raise KeyError(numero)

    def competences_de(self, activite_numero: int) -> tuple[Competence, ...]:
        activite = self.activite(activite_numero)
        return tuple(self.competence(code) for code in activite.competences)

    def transversales(self) -> tuple[Competence, ...]:
        return tuple(c for c in self.competences if c.activite is None)

    def production(self, code: str) -> Production:
        for production in self.productions:
            if production.code == code:
                return production
        raise KeyError(code)

    def dossier_titre(self) -> Production:
        return self.production("titre")

    @property
    def intitule_court(self) -> str:
        """« reac-2018 — TP-00403, millésime 07 » for choice lists (« …, provisoire » when it is)."""
        return f"{self.code} — {self.sigle}, millésime {self.millesime}" + (" (provisoire)" if self.provisoire else "")

    @property
    def codes_competences(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.competences)
