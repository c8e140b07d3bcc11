"""The module contract: what each domain module offers the rest of cipdesk.

Each domain declares ONE `Module` in its `module.py`; `cipdesk/modules.py`
lists them; `create_app` installs the list into `registre` and loops over it
(blueprints, signal receivers, CLI commands). Everything that crosses module
boundaries is read from here: navigation, alerts, timeline, record kinds,
competence evidence, dossier sources, readable records (the loader), demo and
scale generators, and the hooks later modules fill (agenda, the person's rights).

Adding a module edits no file outside it except one line of `cipdesk/modules.py`
(docs/ARCHITECTURE.md, "Ajouter un module").
"""
from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import false

from cipdesk.core.alertes import SourceDAlertes  # noqa: F401  (a provider as a query, issue #17)
from cipdesk.core.chronologie import SourceDeChronologie  # noqa: F401  (the same, for the timeline)

# -- what providers return -----------------------------------------------------------


@dataclass(frozen=True)
class Alerte:
    """Something about a person that needs the conseiller's action."""
    personne_id: uuid.UUID
    code: str        # e.g. "urgence_ouverte", "etape_en_retard", "sans_contact"
    libelle: str     # French, shown as is
    gravite: int = 1  # 1 information, 2 attention, 3 urgent
    objet_type: str = ""
    objet_id: uuid.UUID | None = None
    # Where it is resolved (url_for endpoint and values, `_anchor` allowed): a page anyone who
    # sees the person may open (issue #11, point 5).
    endpoint: str = ""
    params: tuple = ()


@dataclass(frozen=True)
class Evenement:
    """One line of a person's timeline."""
    le: date
    saisi_le: datetime | None
    nature: str      # a record kind code (see TypeObjet), used by the filter by kind
    titre: str
    detail: str = ""
    endpoint: str = ""
    params: tuple = ()
    alerte: bool = False


@dataclass(frozen=True)
class RendezVous:
    """One entry of a professional's agenda (the `agenda` hook of a Module): a provider
    answers (session, utilisateur, du, au) -> list[RendezVous] — what this user has to do
    between the two dates, and what is overdue before them (`en_retard`)."""
    le: date
    titre: str       # French, shown as is (« Point de suivi M+1 — Martin Léa, Boulangerie du Forum »)
    nature: str      # a record kind code (TypeObjet)
    endpoint: str = ""
    params: tuple = ()
    en_retard: bool = False
    heure: time | None = None  # the time, when it has one (a rendez-vous of the agenda module)


@dataclass(frozen=True)
class TypeObjet:
    """A kind of record (accueil, entretien, étape…): its code is what audit,
    notes, competence evidence and links store in their `objet_type` column."""
    code: str
    libelle: str                      # French, lower case, as in « un accueil individuel »
    endpoint: str | None = None       # the page that shows one record, if any
    parametre: str = ""               # the endpoint's id parameter
    notes: Any = None                 # the model a confidential note may be attached to


@dataclass(frozen=True)
class RegleDePreuve:
    """Which REAC competences a kind of record evidences, and why (citing the REAC / RC)."""
    objet_type: str
    codes: tuple[str, ...]
    justification: str


@dataclass(frozen=True)
class Navigation:
    """A section of the home page and the menu (organised like the REAC's activités types).
    `visible(utilisateur)` is a question of the policy; `endpoint=None` means « not built yet »."""
    code: str
    titre: str
    resume: str
    competences: tuple[str, ...]
    visible: Callable[[Any], bool]
    endpoint: str | None = None
    ordre: int = 50


@dataclass(frozen=True)
class EntreeDeMenu:
    """An entry of the main menu (base.html), shown when `visible(utilisateur)` — a
    question of the policy. `actif`: endpoint prefixes under which it is the current page."""
    libelle: str
    endpoint: str
    visible: Callable[[Any], bool]
    ordre: int = 50
    actif: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lisible:
    """A model the one loader (`web.chargement.charger`) may load by id.

    `garde(session, utilisateur, objet, modifier) -> bool` is the policy question for
    that record (usually « may this user see / write about this person? »);
    `audit` is the record kind written to the audit trail on every read of a
    sensitive record (None: reads are not audited); `refus` the kind written only
    for refused attempts, when the read itself is journalled by the service that
    decrypts it (a confidential note)."""
    modele: type
    garde: Callable[..., bool]
    audit: str | None = None
    refus: str | None = None


@dataclass(frozen=True)
class Encart:
    """A link a module offers on the page of a record of another module (e.g. « Écrire une
    analyse de pratique de cette situation »), shown by `templates/_macros/encarts.html`."""
    libelle: str
    url: str
    detail: str = ""


FournisseurAlertes = Callable[..., list[Alerte]]         # (session, personne_ids | Select, aujourd_hui)
# or a SourceDAlertes (core/alertes.py): its query and its reading, so that a page runs every
# module's providers in ONE statement
FournisseurChronologie = Callable[..., list[Evenement]]  # (session, personne, lecteur)
# or a SourceDeChronologie (core/chronologie.py): its query and its reading, so that the person's
# page runs every module's providers in ONE statement


@dataclass(frozen=True)
class CibleDeLien:
    """A record a user may link something to (a fiche de veille, issue #15): its kind code
    (TypeObjet), its id and a label shown only to that user."""
    objet_type: str
    objet_id: uuid.UUID
    libelle: str


@dataclass(frozen=True)
class ChampsChiffres:
    """The free-text fields of one model stored only encrypted (issue #10, point 6; issue #9):
    declared by the module that owns the model (`Module.chiffres`), gathered by the registry
    and read through `security.champs_chiffres.tous()` by `scripts/chiffrer_champs.py`, the
    scan test and `cipdesk securite colonnes` (the table of SECURITY.md). The model declares
    `<champ>_chiffre` (LargeBinary) and `<champ> = TexteConfidentiel()`."""
    classe: str                     # the model class name (the script finds it by name under cipdesk/)
    table: str
    champs: tuple[str, ...]
    raison: str                     # why it is encrypted (French, shown in the generated table)
    json: tuple[str, ...] = ()      # fields holding a dict (encrypted JSON)
    raisons: Mapping[str, str] = field(default_factory=dict)  # a field's own reason, if not `raison`


def en_clair(raison: str, **colonnes: tuple[str, ...]) -> dict[str, str]:
    """`Module.clairs` entries: text columns left in clear, each with its reason —
    `en_clair("…", atelier=("titre", "lieu"))` → {"atelier.titre": "…", "atelier.lieu": "…"}."""
    return {f"{table}.{colonne}": raison for table, noms in colonnes.items() for colonne in noms}


@dataclass(frozen=True)
class RegleDAcces:
    """A named permission a module declares (issue #9: role checks out of the policy's body):
    `code` (« employeurs.voir »), the roles that hold it, and what it allows. The policy alone
    decides (`policy.peut(utilisateur, code)`: an active account whose role is listed and, if
    `qualites` names user attributes such as `est_candidat`, who has them all)."""
    code: str
    roles: tuple[str, ...]          # core.roles.Role values
    description: str
    qualites: tuple[str, ...] = ()  # user attributes required as well (e.g. "est_candidat")


@dataclass(frozen=True)
class ColonneTableur:
    """A column of an exportable (or importable) list (issue #19). `genre` types the XLSX cell:
    « texte », « date », « instant », « entier », « nombre », « booleen »; « identifiant » is the
    hidden column of the round trip (the record's id)."""
    code: str
    libelle: str
    genre: str = "texte"


@dataclass(frozen=True)
class ListeExportable:
    """A list a module offers as XLSX and CSV (issue #19, module `tableur`).

    `lignes(session, utilisateur, filtres, aujourd_hui)` yields one tuple per row, in the order of
    `colonnes`, for the reader's perimeter only (the policy's, as on the list's page), streamed
    (`yield_per`): 50 000 rows never sit in memory. `filtres` names the query arguments the list
    accepts (those of its page, e.g. the file active's); `visible(utilisateur)` is a question of
    the policy. Every export is journalled (audit, action « export », `objet_type` = the code)."""
    code: str
    titre: str
    colonnes: tuple[ColonneTableur, ...]
    lignes: Callable[..., Any]
    visible: Callable[[Any], bool]
    filtres: tuple[str, ...] = ()
    ordre: int = 50


@dataclass(frozen=True)
class ChampImportable:
    """A field an import fills (issue #19). `genre` tells the tableur engine how to read the cell
    (« texte », « date », « telephone », « email », « code_postal », « siret », « identifiant »: the
    hidden column of an export, for the round trip); `synonymes`: headers that suggest it."""
    code: str
    libelle: str
    genre: str = "texte"
    obligatoire: bool = False
    synonymes: tuple[str, ...] = ()


@dataclass(frozen=True)
class LigneAnalysee:
    """One row of an import as the dry run sees it. `etat`: « nouveau », « a_mettre_a_jour »,
    « deja_la », « conflit » or « erreur »; `differences`: (field label, before, after) shown before
    applying; `objet_id`: the record it matches, if any."""
    numero: int
    etat: str
    valeurs: dict
    libelle: str = ""
    objet_id: str = ""
    differences: tuple = ()
    message: str = ""


@dataclass(frozen=True)
class ListeImportable:
    """A list a module accepts from a spreadsheet (issue #19, module `tableur`). The engine reads the
    file, maps the columns, converts each cell by its field's `genre`; the module then answers:

    - `analyser(session, utilisateur, lignes, aujourd_hui) -> list[LigneAnalysee]`: the dry run, rows
      being {field code: converted value}; matching against existing records (duplicates), never
      writing;
    - `appliquer(session, utilisateur, lignes, aujourd_hui, progression=None) -> dict`: writes the rows
      to create or update (decisions taken) through the module's services, calling `progression(n)`
      now and then (the worker shows it), answers the trace {"crees": [ids], "modifies": {id: {field:
      old value}}} the undo needs;
    - `remettre(session, utilisateur, objet, avant, aujourd_hui)`: puts back the fields the import
      changed on one `modele` record (`avant`: {field: old value}, from the trace), through the
      module's services.

    The undo itself (within 24 h) is the engine's, the same for every list: the records the import
    created are deleted unless one is now referred to (kept), each deletion is journalled under
    `objet_type`, then `remettre` is called for each record it changed."""
    code: str
    titre: str
    resume: str
    champs: tuple[ChampImportable, ...]
    visible: Callable[[Any], bool]
    analyser: Callable[..., list]
    appliquer: Callable[..., dict]
    modele: type
    objet_type: str
    remettre: Callable[..., None]


FiltrePersonnes = Callable[[Any], Any]                   # (Personne.id column) -> SQL condition
FournisseurDomaines = Callable[..., list[tuple[str, str]]]  # (session, structure_id) -> [(code, libellé)]


@dataclass(frozen=True)
class Module:
    code: str
    titre: str
    blueprints: tuple = ()
    navigation: tuple[Navigation, ...] = ()
    menu: tuple[EntreeDeMenu, ...] = ()
    objets: tuple[TypeObjet, ...] = ()
    lisibles: tuple[Lisible, ...] = ()
    alertes: tuple[FournisseurAlertes, ...] = ()
    chronologie: tuple[FournisseurChronologie, ...] = ()
    preuves: tuple[RegleDePreuve, ...] = ()
    # Filters of the caseload another module provides (code → condition on the person's id).
    filtres_personnes: Mapping[str, FiltrePersonnes] = field(default_factory=dict)
    # The domains a partner of the territory may intervene in (the diagnostic's dimensions).
    domaines_d_intervention: FournisseurDomaines | None = None
    recepteurs: Callable[[], None] | None = None    # connects this module's signal receivers
    commandes: tuple = ()                            # click commands added to `cipdesk`
    demo: Callable[..., Any] | None = None           # (session, *, seed, aujourd_hui), in module order
    echelle: Callable[..., Any] | None = None        # scale generator, run by bench/ only
    # Hooks filled by later issues (agenda, the person's RGPD rights).
    agenda: tuple[Callable[..., list], ...] = ()
    export_personne: tuple[Callable[..., dict], ...] = ()
    effacement_personne: tuple[Callable[..., int], ...] = ()
    # Links offered on the page of any record (issue #15, analyse de pratique): each provider
    # answers (utilisateur, objet_type, objet_id) -> list[Encart]; a page shows them with
    # `{{ encarts("entretien", entretien.id) }}` (templates/_macros/encarts.html).
    encarts: tuple[Callable[..., list], ...] = ()
    # Lists the structure's admin edits (core/listes.py: ListeModifiable), one admin page for all.
    listes: tuple = ()
    # Lines another module adds to an entreprise's timeline (the mediations of the intégration
    # module, issue #14 point 4): (session, entreprise, lecteur) -> list[Evenement].
    chronologie_entreprise: tuple[FournisseurChronologie, ...] = ()
    # Issue #15 (territoire): the orientations made to each partner, read by the répertoire and the
    # cartography without the territoire importing their module (accueil imports territoire):
    # (session, structure_id) -> {partenaire_id: {answer code: count}}, and
    # (session, utilisateur, partenaire_id) -> the orientations of the reader's perimeter.
    bilans_orientations: Callable[..., dict] | None = None
    orientations_vers: Callable[..., list] | None = None
    # The records a fiche de veille may be linked to: (session, utilisateur) -> [CibleDeLien].
    cibles_de_veille: tuple[Callable[..., list], ...] = ()
    # The dossier of the titre (issue #16) reads the records of parts 2–7 itself; other modules
    # provide what it does not hold: « partie_1 » (session, candidat) -> [(Bloc, {fact key: [Piece]})]
    # (structure and territory profiles: module territoire), « analyse » (session, candidat,
    # objet_type, objet_id) -> {analysis field: text} (analyses de pratique: module pratique).
    dossier_sources: Mapping[str, Callable[..., Any]] = field(default_factory=dict)
    # The person's page: actions offered and cards « d'un coup d'œil » (core/fiche.py).
    fiche_personne: tuple[Callable[..., Any], ...] = ()
    # Issue #9: what the module declares instead of editing security/: its encrypted fields
    # (ChampsChiffres), its text columns left in clear with their reason (« table.colonne » →
    # raison, see `en_clair`), and its named permissions (RegleDAcces) the policy decides from.
    chiffres: tuple[ChampsChiffres, ...] = ()
    clairs: Mapping[str, str] = field(default_factory=dict)
    acces: tuple[RegleDAcces, ...] = ()
    # Issue #19 (tableur): the lists this module offers as XLSX / CSV (`ListeExportable`), and those
    # it accepts from a spreadsheet (`ListeImportable`, cipdesk/tableur/contrat.py).
    exportables: tuple[ListeExportable, ...] = ()
    importables: tuple = ()


class Registre:
    """The installed modules, and everything gathered from them."""

    def __init__(self) -> None:
        self.modules: tuple[Module, ...] = ()
        self._objets: dict[str, TypeObjet] = {}
        self._lisibles: dict[type, Lisible] = {}
        self._recepteurs_connectes: set[str] = set()
        self._listes: dict = {}
        self._acces: dict[str, RegleDAcces] = {}
        self._menu: tuple[EntreeDeMenu, ...] = ()

    def installer(self, modules: tuple[Module, ...]) -> None:
        codes = [m.code for m in modules]
        if len(codes) != len(set(codes)):
            raise ValueError(f"Deux modules portent le même code : {codes}")
        objets: dict[str, TypeObjet] = {}
        lisibles: dict[type, Lisible] = {}
        for module in modules:
            for t in module.objets:
                if t.code in objets:
                    raise ValueError(f"Type d'enregistrement déclaré deux fois : {t.code}")
                objets[t.code] = t
            for lisible in module.lisibles:
                lisibles[lisible.modele] = lisible
        for module in modules:
            for regle in module.preuves:
                if regle.objet_type not in objets:
                    raise ValueError(f"Règle de preuve sur un type inconnu : {regle.objet_type}")
        self.modules, self._objets, self._lisibles = tuple(modules), objets, lisibles
        # Sorted once: the menu is read on every page (which entries a user sees is still asked each time).
        self._menu = tuple(sorted((e for m in modules for e in m.menu), key=lambda e: e.ordre))
        self._verifier_declarations(modules)
        self._acces = {r.code: r for m in modules for r in m.acces}
        listes = [l for m in modules for l in m.listes]
        if len({l.code for l in listes}) != len(listes):
            raise ValueError("Liste modifiable déclarée deux fois")
        for genre in ("exportables", "importables"):
            codes_listes = [l.code for m in modules for l in getattr(m, genre)]
            if len(codes_listes) != len(set(codes_listes)):
                raise ValueError(f"Liste {genre[:-1]} déclarée deux fois : {codes_listes}")
        self._listes = {l.code: l for l in listes}
        for module in modules:
            # Receivers are connected once per process (blinker keeps them across apps).
            if module.recepteurs and module.code not in self._recepteurs_connectes:
                module.recepteurs()
                self._recepteurs_connectes.add(module.code)

    @staticmethod
    def _verifier_declarations(modules) -> None:
        """Encrypted fields, clear columns and permissions: each declared once, by one module."""
        vus: dict[str, str] = {}
        for module in modules:
            cles = [f"classe {c.classe}" for c in module.chiffres]
            cles += [f"colonne {c.table}.{n}" for c in module.chiffres for n in c.champs]
            cles += [f"colonne {k}" for k in module.clairs]
            cles += [f"permission {r.code}" for r in module.acces]
            for cle in cles:
                if cle in vus:
                    raise ValueError(f"{cle} déclarée deux fois ({vus[cle]}, {module.code})")
                vus[cle] = module.code
            for c in module.chiffres:
                if not set(c.json) <= set(c.champs) or not set(c.raisons) <= set(c.champs):
                    raise ValueError(f"{c.classe} : json ou raisons hors de ses champs chiffrés")

    # -- record kinds -----------------------------------------------------------------
    def objet(self, code: str) -> TypeObjet:
        try:
            return self._objets[code]
        except KeyError:
            raise KeyError(f"Type d'enregistrement inconnu : « {code} »") from None

    def objets(self) -> Mapping[str, TypeObjet]:
        return self._objets

    def libelle(self, code: str) -> str:
        t = self._objets.get(code)
        return t.libelle if t else code.replace("_", " ")

    def cible(self, code: str, objet_id) -> tuple[str, dict] | None:
        """(endpoint, values) for url_for, or None when the record has no page."""
        t = self._objets.get(code)
        if t is None or t.endpoint is None:
            return None
        return t.endpoint, {t.parametre: objet_id}

    # -- everything else --------------------------------------------------------------
    def lisible(self, modele: type) -> Lisible:
        try:
            return self._lisibles[modele]
        except KeyError:
            raise KeyError(f"{modele.__name__} n'est déclaré lisible par aucun module") from None

    def navigation(self) -> list[Navigation]:
        return sorted((n for m in self.modules for n in m.navigation), key=lambda n: n.ordre)

    def menu(self, utilisateur, endpoint: str | None = None) -> list[tuple[EntreeDeMenu, bool]]:
        """The menu entries this user may see, in order, each with « is it the current page? »:
        the entry of this very endpoint, else the first whose prefixes contain it."""
        entrees = [e for e in self._menu if e.visible(utilisateur)]
        endpoint = endpoint or ""
        courante = next((e for e in entrees if e.endpoint == endpoint), None) or next(
            (e for e in entrees if any(endpoint.startswith(p) for p in e.actif)), None)
        return [(e, e is courante) for e in entrees]

    def alertes(self) -> Iterator[FournisseurAlertes]:
        return (f for m in self.modules for f in m.alertes)

    def chronologie(self) -> Iterator[FournisseurChronologie]:
        return (f for m in self.modules for f in m.chronologie)

    def preuves(self) -> dict[str, RegleDePreuve]:
        return {r.objet_type: r for m in self.modules for r in m.preuves}

    def dossier_sources(self, code: str) -> list[Callable[..., Any]]:
        """The providers of dossier material `code` (« partie_1 », « analyse »), in module order."""
        return [m.dossier_sources[code] for m in self.modules if code in m.dossier_sources]

    def filtre_personnes(self, code: str) -> FiltrePersonnes:
        """The caseload filter `code`; with no module providing it, it keeps no one."""
        for m in self.modules:
            if code in m.filtres_personnes:
                return m.filtres_personnes[code]
        return lambda _personne_id: false()

    def encarts(self, utilisateur, objet_type: str, objet_id) -> list[Encart]:
        """The links every module offers on the page of this record, for this user."""
        return [e for m in self.modules for f in m.encarts for e in f(utilisateur, objet_type, objet_id)]

    def domaines_d_intervention(self, session, structure_id) -> list[tuple[str, str]]:
        """(code, label) of the domains a partner may intervene in; none without a provider."""
        for m in self.modules:
            if m.domaines_d_intervention is not None:
                return m.domaines_d_intervention(session, structure_id)
        return []

    def listes(self) -> list[tuple[Module, tuple]]:
        """(module, its editable lists) in module order, for the one admin page."""
        return [(m, m.listes) for m in self.modules if m.listes]

    def lien_alerte(self, alerte: Alerte) -> tuple[str, dict]:
        """(endpoint, values) of the page where the alert is resolved: the provider's, else the
        record's page, else the person's (every one of them open to whoever sees the person)."""
        if alerte.endpoint:
            return alerte.endpoint, dict(alerte.params)
        cible = self.cible(alerte.objet_type, alerte.objet_id) if alerte.objet_id else None
        return cible or ("personnes.voir", {"personne_id": alerte.personne_id})

    def fiche_personne(self) -> Iterator[Callable[..., Any]]:
        return (f for m in self.modules for f in m.fiche_personne)

    def exportables(self, utilisateur=None) -> list[ListeExportable]:
        """The exportable lists of every module (those this user may export, when given), in order."""
        listes = sorted((l for m in self.modules for l in m.exportables), key=lambda l: (l.ordre, l.titre))
        return [l for l in listes if utilisateur is None or l.visible(utilisateur)]

    def exportable(self, code: str) -> ListeExportable:
        for m in self.modules:
            for l in m.exportables:
                if l.code == code:
                    return l
        raise KeyError(f"Liste exportable inconnue : « {code} »")

    def importables(self, utilisateur=None) -> list:
        listes = [l for m in self.modules for l in m.importables]
        return [l for l in listes if utilisateur is None or l.visible(utilisateur)]

    def importable(self, code: str):
        for m in self.modules:
            for l in m.importables:
                if l.code == code:
                    return l
        raise KeyError(f"Liste importable inconnue : « {code} »")

    def liste(self, code: str):
        try:
            return self._listes[code]
        except KeyError:
            raise KeyError(f"Liste modifiable inconnue : « {code} »") from None

    # -- issue #9: encrypted fields, clear columns, permissions (security/ reads them) ----
    def chiffres(self) -> list[tuple[Module, ChampsChiffres]]:
        return [(m, c) for m in self.modules for c in m.chiffres]

    def clairs(self) -> list[tuple[Module, str, str]]:
        return [(m, colonne, raison) for m in self.modules for colonne, raison in m.clairs.items()]

    def regle_d_acces(self, code: str) -> RegleDAcces:
        try:
            return self._acces[code]
        except KeyError:
            pass
        raise KeyError(f"Permission inconnue : « {code} » (déclarez-la dans Module.acces)")

    # -- issue #15: orientations to partners, records a fiche de veille may be linked to ------
    def bilans_orientations(self, session, structure_id) -> dict:
        for m in self.modules:
            if m.bilans_orientations is not None:
                return m.bilans_orientations(session, structure_id)
        return {}

    def orientations_vers(self, session, utilisateur, partenaire_id) -> list:
        for m in self.modules:
            if m.orientations_vers is not None:
                return m.orientations_vers(session, utilisateur, partenaire_id)
        return []

    def cibles_de_veille(self, session, utilisateur) -> list[CibleDeLien]:
        return [c for m in self.modules for f in m.cibles_de_veille for c in f(session, utilisateur)]


registre = Registre()
