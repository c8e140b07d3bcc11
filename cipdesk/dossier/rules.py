"""The rules of the dossier of the titre, as data, and their pure evaluation.

Each rule of `/work/shared/DOSSIER.md` (drawn from the RC TP-00403 §3.1, « Informations
complémentaires concernant le questionnement à partir de production(s) ») is one `Regle`
with its identifier, cited on screen. A rule holds when the material of its part (the
records of the chosen cases, turned into `Piece`s by `queries.py`, and the candidat's own
writing) contains what it asks for. No database, no Flask."""
from __future__ import annotations

from dataclasses import dataclass, field

from cipdesk.core.libelles import EnumLibelle

# -- the rules ------------------------------------------------------------------------


@dataclass(frozen=True)
class Regle:
    """One rule of DOSSIER.md.

    `cles`: the kinds of material (fact keys) that satisfy it; with `toutes`, every key
    must be present (A1: facts, opinions AND emotions), else any of them. `minimum`: how
    many pieces are needed (P2.1: three entretiens). `redigeable`: the candidat's own text
    for this rule may stand in for records (a description), never for a count. `corriger`:
    where a missing piece is fixed (a key of `routes.CORRECTIONS`)."""
    ident: str
    partie: int | None        # None: the whole dossier; 0: every analyse de pratique
    intitule: str
    cles: tuple[str, ...] = ()
    minimum: int = 1
    toutes: bool = False
    redigeable: bool = False
    corriger: str = "ecrire"
    par_cas: bool = False     # the minimum applies to each chosen case (P2.1, P3.1)


_RC = "RC TP-00403 §3.1"

REGLES: tuple[Regle, ...] = (
    # The whole dossier
    Regle("D1", None, "Sept parties, dans l'ordre, chacune nommant les compétences qu'elle couvre.",
          ("structure",), corriger="export"),
    Regle("D2", None, "De 32 à 42 pages, annexes exclues (annexes numérotées à part).", ("pages",),
          corriger="export"),
    Regle("D3", None, "Les personnes décrites ne peuvent pas être identifiées (noms, coordonnées, dates de "
          "naissance, adresses, employeurs et partenaires qui les désigneraient, texte libre qui les répète).",
          ("anonymat",), corriger="substitutions"),
    Regle("D4", None, "Le dossier soutient 20 minutes de présentation et 40 minutes de questions : l'analyse "
          "de pratique du candidat est ce que le jury lit de plus près.", ("analyses",), corriger="ecrire"),
    # Part 1
    Regle("P1.1", 1, "La structure : statut, missions, offre de services, financeurs, public accueilli, "
          "modalités d'accueil.", ("profil_structure",), redigeable=True, corriger="territoire"),
    Regle("P1.2", 1, "Le territoire : caractéristiques sociales, économiques et environnementales ; "
          "ressources ; atouts et faiblesses socio-économiques.", ("profil_territoire",), redigeable=True,
          corriger="territoire"),
    Regle("P1.3", 1, "Les acteurs internes et externes mobilisables pour répondre aux besoins des personnes.",
          ("partenaires", "orientations"), redigeable=True, corriger="partenaires"),
    # Part 2
    Regle("P2.1", 2, "Au moins 3 entretiens.", ("entretiens",), minimum=3, corriger="cas", par_cas=True),
    Regle("P2.2", 2, "Le contexte de l'accompagnement.", ("contexte",), redigeable=True, corriger="cas"),
    Regle("P2.3", 2, "Les éléments clés du diagnostic partagé.", ("diagnostic",), redigeable=True,
          corriger="diagnostic"),
    Regle("P2.4", 2, "Un résumé de chaque entretien.", ("resumes",), corriger="entretiens"),
    Regle("P2.5", 2, "Les étapes réalisées et celles envisagées.", ("etapes",), redigeable=True,
          corriger="parcours"),
    Regle("P2.6", 2, "Les moyens et les acteurs mobilisés.", ("moyens",), redigeable=True, corriger="parcours"),
    Regle("P2.7", 2, "Le bilan de l'accompagnement et les modalités du passage de relais.",
          ("bilan", "relais"), toutes=True, redigeable=True, corriger="parcours"),
    Regle("P2.8", 2, "Une analyse de pratique de cette situation.", ("analyse",), corriger="ecrire"),
    # Part 3
    Regle("P3.1", 3, "Au moins 3 entretiens.", ("entretiens",), minimum=3, corriger="cas", par_cas=True),
    Regle("P3.2", 3, "Le contexte et les points clés du diagnostic partagé.", ("contexte", "diagnostic"),
          toutes=True, redigeable=True, corriger="diagnostic"),
    Regle("P3.3", 3, "L'accompagnement pendant l'élaboration du projet, et celui envisagé pour sa réalisation.",
          ("elaboration", "realisation"), toutes=True, redigeable=True, corriger="projet"),
    Regle("P3.4", 3, "La méthodologie de projet utilisée, étape par étape, avec l'accompagnement à chaque étape.",
          ("methodologie",), redigeable=True, corriger="projet"),
    Regle("P3.5", 3, "La méthode utilisée pour identifier les compétences, qualités et talents de la personne.",
          ("competences_qualites",), redigeable=True, corriger="projet"),
    Regle("P3.6", 3, "Les acteurs mobilisés.", ("acteurs",), redigeable=True, corriger="projet"),
    Regle("P3.7", 3, "Une analyse de pratique.", ("analyse",), corriger="ecrire"),
    # Part 4
    Regle("P4.1", 4, "Un atelier conçu à partir d'une demande ou d'un besoin diagnostiqué, préparé et animé "
          "par le candidat.", ("atelier_anime",), corriger="cas"),
    Regle("P4.2", 4, "Comment la demande ou le besoin a été analysé.", ("besoin",), redigeable=True,
          corriger="atelier"),
    Regle("P4.3", 4, "La progression pédagogique avec modalités, méthodes, activités et évaluation.",
          ("progression",), corriger="atelier"),
    Regle("P4.4", 4, "Les points clés du bilan de l'atelier.", ("bilan_atelier",), corriger="atelier"),
    Regle("P4.5", 4, "Une analyse de pratique.", ("analyse",), corriger="ecrire"),
    # Part 5
    Regle("P5.1", 5, "Une action de prospection menée par le candidat.", ("action_prospection",), corriger="cas"),
    Regle("P5.2", 5, "Introduction : la structure et les éléments clés du diagnostic socio-économique du "
          "territoire.", ("diagnostic_territoire",), redigeable=True, corriger="prospection"),
    Regle("P5.3", 5, "Les caractéristiques des employeurs cibles.", ("cibles",), redigeable=True,
          corriger="prospection"),
    Regle("P5.4", 5, "La stratégie, les outils et la planification.", ("strategie", "outils", "planning"),
          toutes=True, redigeable=True, corriger="prospection"),
    Regle("P5.5", 5, "Les points clés de l'évaluation (écarts entre objectifs et résultats, et pourquoi).",
          ("ecarts",), corriger="prospection"),
    Regle("P5.6", 5, "La prise en compte des principes du développement durable dans la pratique.",
          ("developpement_durable",), redigeable=True, corriger="prospection"),
    # Part 6
    Regle("P6.1", 6, "Une action d'appui au recrutement menée avec un employeur.", ("appui_recrutement",),
          corriger="cas"),
    Regle("P6.2", 6, "Contexte, interlocuteurs impliqués, démarche, résultats.",
          ("contexte", "interlocuteurs", "demarche", "resultats"), toutes=True, redigeable=True,
          corriger="recrutement"),
    Regle("P6.3", 6, "Une analyse de pratique.", ("analyse",), corriger="ecrire"),
    # Part 7
    Regle("P7.1", 7, "Une action d'intégration et de maintien dans l'emploi d'un salarié.", ("integration",),
          corriger="cas"),
    Regle("P7.2", 7, "Contexte, interlocuteurs impliqués, démarche, résultats.",
          ("contexte", "interlocuteurs", "demarche", "resultats"), toutes=True, redigeable=True,
          corriger="integration"),
    Regle("P7.3", 7, "Une analyse de pratique.", ("analyse",), corriger="ecrire"),
    # Every analyse de pratique (CP11, RC §3.2 critères d'évaluation)
    Regle("A1", 0, "Faits, opinions et émotions distingués.", ("faits", "opinions", "emotions"), toutes=True),
    Regle("A2", 0, "Facteurs déterminants identifiés.", ("facteurs",)),
    Regle("A3", 0, "Points forts et difficultés.", ("forces", "difficultes"), toutes=True),
    Regle("A4", 0, "Ajustements : ce que le candidat ferait autrement, et pourquoi.", ("ajustements",)),
)

PAR_IDENT = {r.ident: r for r in REGLES}

# The CCP productions (RC, sections « CCP »): each part is written like the part of the titre's
# dossier that asks for the same thing (same rules, same cases, same writing), within its own budget.
CORRESPONDANCE_CCP = {"CCP1": {1: 1}, "CCP2": {1: 2, 2: 3, 3: 4}, "CCP3": {1: 5, 2: 6, 3: 7}}


def partie_du_titre(production: str, numero: int) -> int:
    """The titre's part whose rules and draft a part of `production` uses (the titre: itself)."""
    if production == "titre":
        return numero
    return CORRESPONDANCE_CCP[production][numero]


def avis_budget_ccp(production) -> str:
    """DOSSIER.md: flag, rather than guess, when the RC's parts do not add up to its total."""
    mini = sum(p.pages_min for p in production.parties)
    maxi = sum(p.pages_max for p in production.parties)
    if (mini, maxi) == (production.pages_min, production.pages_max):
        return ""
    return (f"Le RC annonce {production.pages_min} à {production.pages_max} pages pour ce document, mais ses "
            f"parties totalisent {mini} à {maxi} pages : c'est le total du RC ({production.pages_min} à "
            f"{production.pages_max}) qui est vérifié ; faites confirmer la règle par votre centre d'examen.")


# Parts whose RC text asks for an analyse de pratique (RC §3.1: 2, 3, 4, 6, 7; not 1 nor 5).
PARTIES_AVEC_ANALYSE = (2, 3, 4, 6, 7)
# How many cases a part describes (RC §3.1: « une ou deux personnes » for parts 2 and 3).
CAS_MAXIMUM = {1: 0, 2: 2, 3: 2, 4: 1, 5: 1, 6: 1, 7: 1}
ENTRETIENS_MINIMUM = 3  # RC §3.1, parts 2 and 3: « a minima 3 entretiens »
# The fields of an analyse de pratique (DOMAIN.md: GEASE; RC §3.2 CP11).
CHAMPS_ANALYSE = (
    ("faits", "Les faits"), ("opinions", "Mes opinions"), ("emotions", "Mes émotions"),
    ("facteurs", "Les facteurs déterminants"), ("forces", "Mes points forts"),
    ("difficultes", "Mes difficultés"), ("ajustements", "Ce que je ferais autrement, et pourquoi"),
)


def regles_de(partie: int) -> tuple[Regle, ...]:
    """The rules of one part, its analyse de pratique's included (A1–A4)."""
    propres = tuple(r for r in REGLES if r.partie == partie)
    if partie in PARTIES_AVEC_ANALYSE:
        propres += tuple(r for r in REGLES if r.partie == 0)
    return propres


# -- how the RC assesses each competence (RC §3.2 table, ☒ per method) ----------------


class Modalite(EnumLibelle):
    MISE_EN_SITUATION = "msp"
    ENTRETIEN_TECHNIQUE = "et"
    QUESTIONNAIRE = "qp"
    PRODUCTION = "production"


Modalite.LIBELLES = {"msp": "mise en situation professionnelle", "et": "entretien technique",
                     "qp": "questionnaire professionnel",
                     "production": "questionnement à partir de production(s) (le dossier)"}

_M, _E, _P = Modalite.MISE_EN_SITUATION, Modalite.ENTRETIEN_TECHNIQUE, Modalite.PRODUCTION
MODALITES: dict[str, tuple[Modalite, ...]] = {
    "CP1": (_M, _E), "CP2": (_M, _E), "CP3": (_P,), "CP4": (_E, _P), "CP5": (_E,),
    "CP6": (_P,), "CP7": (_P,), "CP8": (_P,), "CP9": (_P,), "CP10": (_P,), "CP11": (_E, _P),
    "CP12": (_P,), "CP13": (_P,), "CP14": (_P,), "CP15": (_P,),
}


def evaluee_par_le_dossier(code: str) -> bool:
    """CP1, CP2 and CP5 are assessed live at the session, not through the dossier."""
    return _P in MODALITES.get(code, ())


def comment_evaluee(code: str) -> str:
    modalites = MODALITES.get(code, ())
    texte = ", ".join(m.libelle for m in modalites)
    if not evaluee_par_le_dossier(code):
        return f"évaluée en direct lors de la session ({texte}), pas dans le dossier"
    return f"évaluée par {texte}"


# -- evaluation -----------------------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """A record (or the candidat's text) that satisfies a rule, described without
    personal data; `objet_type`/`objet_id` make the link to the record."""
    libelle: str
    objet_type: str = ""
    objet_id: object = None
    cas: object = None   # the chosen case it belongs to (per-case minimums)


@dataclass
class EtatRegle:
    regle: Regle
    tenue: bool
    pieces: list[Piece] = field(default_factory=list)
    manque: str = ""
    a_corriger: list[Piece] = field(default_factory=list)   # records to complete, with their link


def evaluer_regle(regle: Regle, faits: dict[str, list[Piece]], *, textes: dict[str, str] | None = None,
                  manquants: dict[str, list[Piece]] | None = None, cas: list | None = None) -> EtatRegle:
    """Does the material hold what the rule asks for? `faits`: fact key → pieces;
    `textes`: the candidat's text per rule (or per analysis field); `manquants`: the
    records that would satisfy the rule once completed (shown with a link)."""
    textes = textes or {}
    par_cle = {cle: list(faits.get(cle, ())) for cle in regle.cles}
    for cle in regle.cles:  # an analysis field written by the candidat is a piece
        if not par_cle[cle] and (textes.get(cle) or "").strip():
            par_cle[cle] = [Piece("votre texte")]
    a_corriger = [p for cle in regle.cles for p in (manquants or {}).get(cle, ())]
    pieces = [p for cle in regle.cles for p in par_cle[cle]]
    if regle.par_cas and cas:
        comptes = {c: sum(1 for p in pieces if p.cas == c) for c in cas}
        tenue = all(n >= regle.minimum for n in comptes.values())
        insuffisants = [n for n in comptes.values() if n < regle.minimum]
        manque = "" if tenue else (f"Il faut au moins {regle.minimum} pour chaque cas choisi "
                                   f"(le moins fourni en compte {min(insuffisants)}).")
    elif regle.toutes:
        absentes = [cle for cle in regle.cles if len(par_cle[cle]) < regle.minimum]
        tenue = not absentes
        manque = "" if tenue else "Manque : " + ", ".join(LIBELLES_CLES.get(c, c) for c in absentes) + "."
    else:
        tenue = len(pieces) >= regle.minimum
        manque = "" if tenue else (f"Il en faut au moins {regle.minimum} (actuellement {len(pieces)})."
                                   if regle.minimum > 1 else "Rien ne le montre encore.")
    if not tenue and regle.redigeable and (textes.get(regle.ident) or "").strip():
        return EtatRegle(regle, True, pieces + [Piece("votre texte pour cette règle")])
    return EtatRegle(regle, tenue, pieces, manque, a_corriger)


LIBELLES_CLES = {
    "faits": "les faits", "opinions": "vos opinions", "emotions": "vos émotions", "forces": "vos points forts",
    "difficultes": "vos difficultés", "bilan": "le bilan", "relais": "le passage de relais",
    "contexte": "le contexte", "diagnostic": "le diagnostic partagé", "elaboration": "l'accompagnement "
    "pendant l'élaboration", "realisation": "l'accompagnement envisagé pour la réalisation",
    "strategie": "la stratégie", "outils": "les outils", "planning": "la planification",
    "interlocuteurs": "les interlocuteurs", "demarche": "la démarche", "resultats": "les résultats",
}


@dataclass
class EtatCompetence:
    code: str
    intitule: str
    preuves: int
    par_le_dossier: bool
    evaluation: str
    note: str = ""   # evidence the dossier itself holds (the part's analyse de pratique, for CP11)

    @property
    def tenue(self) -> bool:
        return self.preuves > 0 or not self.par_le_dossier or bool(self.note)


def etat_competences(codes: tuple[str, ...], intitules: dict[str, str], preuves: dict[str, int]
                     ) -> list[EtatCompetence]:
    return [EtatCompetence(c, intitules.get(c, c), preuves.get(c, 0), evaluee_par_le_dossier(c),
                           comment_evaluee(c)) for c in codes]


@dataclass
class EtatPartie:
    numero: int
    intitule: str
    pages_min: int
    pages_max: int
    regles: list[EtatRegle]
    competences: list[EtatCompetence]
    cas_choisis: int = 0

    @property
    def prete(self) -> bool:
        """RC §3.1: every rule of the part holds, its analysis included, and each of its
        competences assessed through the dossier has evidence in the logged activity."""
        return all(e.tenue for e in self.regles) and all(c.tenue for c in self.competences)

    @property
    def tenues(self) -> int:
        return sum(1 for e in self.regles if e.tenue)


# -- pages ----------------------------------------------------------------------------


def avis_pages(pages: int, minimum: int, maximum: int) -> str:
    """A clear warning when a part (or the whole) is outside its budget; "" when within."""
    if pages > maximum:
        return f"{pages} pages : {pages - maximum} de trop (budget {minimum} à {maximum})."
    if pages < minimum:
        return f"{pages} page{'s' if pages > 1 else ''} : il en manque {minimum - pages} (budget {minimum} à {maximum})."
    return ""


# -- choosing the case ----------------------------------------------------------------


@dataclass(frozen=True)
class CasPossible:
    """A record that could be the case of a part, and why it is or is not eligible."""
    objet_type: str
    objet_id: object
    libelle: str
    eligible: bool
    raisons: tuple[str, ...]

    @property
    def ref(self) -> str:
        return f"{self.objet_type}:{self.objet_id}"


def eligibilite(numero: int, **faits) -> tuple[bool, tuple[str, ...]]:
    """Why a record may (or may not) be the case of part `numero` (RC §3.1).

    Parts 2 and 3: an accompaniment with at least three entretiens (of the projet, for
    part 3) held by the candidat; part 4: an atelier the candidat ran; parts 5–7: an
    action the candidat led (prospection, fiche de poste, intégration framework)."""
    raisons: list[str] = []
    ok = True
    if numero in (2, 3):
        n = faits.get("entretiens", 0)
        quoi = "entretiens « projet »" if numero == 3 else "entretiens"
        if n >= ENTRETIENS_MINIMUM:
            raisons.append(f"{n} {quoi} menés par vous (au moins {ENTRETIENS_MINIMUM} exigés).")
        else:
            ok = False
            raisons.append(f"{n} {quoi} seulement : il en faut au moins {ENTRETIENS_MINIMUM}.")
        if numero == 3 and not faits.get("projet"):
            ok = False
            raisons.append("Aucun projet professionnel n'est ouvert dans ce parcours.")
    elif numero == 4:
        if faits.get("animee"):
            raisons.append("Session animée par vous et déjà tenue.")
        else:
            ok = False
            raisons.append("Aucune session de cet atelier n'a encore été animée par vous.")
        if faits.get("concu"):
            raisons.append("Atelier conçu par vous.")
    elif numero == 5:
        raisons.append("Action de prospection que vous pilotez.")
        if not faits.get("evaluee"):
            raisons.append("Pas encore évaluée : la règle P5.5 restera à tenir.")
    elif numero == 6:
        raisons.append("Besoin analysé et fiche de poste rédigée par vous.")
        if not faits.get("offres"):
            raisons.append("Aucune offre rédigée à partir de la fiche : la démarche sera incomplète.")
    elif numero == 7:
        if faits.get("cadre"):
            raisons.append("Suivi d'intégration dont le cadre a été convenu avec l'employeur.")
        else:
            ok = False
            raisons.append("Le cadre du suivi n'a pas encore été convenu avec l'employeur.")
    return ok, tuple(raisons)


def verifier_choix(numero: int, refs: list[str], possibles: list[CasPossible]) -> str:
    """"" when the choice is valid, else the message to show beside it."""
    maximum = CAS_MAXIMUM.get(numero, 1)
    if not refs:
        return "Choisissez au moins un cas."
    if len(refs) > maximum:
        return ("Une ou deux personnes au plus pour cette partie (RC §3.1)." if maximum == 2
                else "Un seul cas pour cette partie.")
    par_ref = {c.ref: c for c in possibles}
    for ref in refs:
        cas = par_ref.get(ref)
        if cas is None:
            return "Ce cas ne fait pas partie de votre activité enregistrée."
        if not cas.eligible:
            return f"« {cas.libelle} » n'est pas éligible : {' '.join(cas.raisons)}"
    return ""


# -- identifying values left in the texts (D3) ------------------------------------------


@dataclass(frozen=True)
class Reste:
    """An identifying value found in the dossier: where, of what nature, shown masked."""
    partie: int
    endroit: str
    nature: str
    valeur: str
