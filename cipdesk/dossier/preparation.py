"""The candidat's dossier as a whole: for each part, its material (chosen cases,
assembled blocks, the candidat's writing), its rules evaluated, its competences with
how the RC assesses them, and its real page count. Reads only (no write)."""
from __future__ import annotations

import hashlib
import pickle
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from cipdesk.core.contrat import registre
from cipdesk.dossier import queries
from cipdesk.dossier.brouillon.commun import Assemblage, Bloc, Tableau, appliquer_reglages
from cipdesk.dossier.pdf import Couverture, PartieMiseEnPage, date_de_session, dossier_pdf, pages_de_la_partie
from cipdesk.dossier.rules import (CHAMPS_ANALYSE, PARTIES_AVEC_ANALYSE, PAR_IDENT, EtatPartie, EtatRegle, Piece, Reste,
                                   avis_budget_ccp, avis_pages, etat_competences, evaluer_regle, partie_du_titre,
                                   regles_de)


@dataclass
class Partie:
    """Everything the pages of one part show."""
    numero: int
    definition: object                 # referentiel PartieDossier
    refs: list[str]
    assemblage: Assemblage
    textes: dict
    reglages: dict
    etat: EtatPartie
    pages: int = 0
    blocs: list[tuple[Bloc, bool, bool]] = field(default_factory=list)   # (block, hidden, trimmed)
    substitutions: list = field(default_factory=list)   # the preview of the pseudonymisation (D3)
    propre: PartieMiseEnPage | None = None             # the part as exported, pseudonymised
    restes: list[Reste] = field(default_factory=list)   # identifying values left after it

    @property
    def avis_pages(self) -> str:
        return avis_pages(self.pages, self.definition.pages_min, self.definition.pages_max)


# The rubriques of an analyse de pratique (module pratique) → the fields of the part's analysis.
_RUBRIQUES_PRATIQUE = {"faits": "faits", "opinions": "opinions", "emotions": "emotions", "facteurs": "facteurs",
                       "points_forts": "forces", "difficultes": "difficultes", "ajustements": "ajustements"}


def _analyse(session: Session, candidat, refs: list[str], textes: dict) -> dict[str, str]:
    """The analysis fields: the candidat's own; else the analyse de pratique they attached to
    the chosen case in « Ma pratique » (RC §3.1: « une analyse de pratique de cette situation »),
    each read journalled by that module; else what another provider holds."""
    import uuid as _uuid

    from cipdesk.pratique.analyses import queries as pratique

    champs = {c: (textes.get(c) or "") for c, _l in CHAMPS_ANALYSE}
    for ref in refs:
        objet_type, _, objet_id = ref.partition(":")
        try:
            ident = _uuid.UUID(objet_id)
        except ValueError:
            continue
        for analyse in pratique.analyses_de(session, candidat.id, objet_type, ident):
            valeurs, lisible = pratique.lire_analyse(session, lecteur=candidat, analyse=analyse)
            for rubrique, cle in _RUBRIQUES_PRATIQUE.items():
                if lisible and not champs[cle].strip() and (valeurs.get(rubrique) or "").strip():
                    champs[cle] = valeurs[rubrique]
    for source in registre.dossier_sources("analyse"):
        for ref in refs:
            objet_type, _, objet_id = ref.partition(":")
            for cle, texte in (source(session, candidat, objet_type, objet_id) or {}).items():
                if cle in champs and not champs[cle].strip():
                    champs[cle] = texte or ""
    return champs


def mise_en_page(partie: Partie, intitules: dict[str, str]) -> PartieMiseEnPage:
    textes = partie.textes
    analyse = []
    if partie.numero in PARTIES_AVEC_ANALYSE:
        champs = _analyse_textes(partie)
        analyse = [(libelle, champs.get(cle, "")) for cle, libelle in CHAMPS_ANALYSE]
    redige = [Bloc(f"regle.{r.ident}", r.intitule.rstrip("."), [textes[r.ident]], regles=(r.ident,))
              for r in regles_de(partie.numero) if r.redigeable and (textes.get(r.ident) or "").strip()]
    return PartieMiseEnPage(partie.numero, partie.definition.intitule,
                            [f"{c} — {intitules.get(c, c)}" for c in partie.definition.competences],
                            textes.get("introduction", ""),
                            [b for b, masque, _c in partie.blocs if not masque] + redige,
                            textes.get("transitions", ""), analyse)


def _analyse_textes(partie: Partie) -> dict[str, str]:
    return partie.textes.get("_analyse") or {c: partie.textes.get(c, "") for c, _l in CHAMPS_ANALYSE}


def partie(session: Session, candidat, ref, numero: int, aujourd_hui: date, *, preuves: dict[str, int] | None = None,
           avec_pages: bool = True, table=None, definition=None, titre_document: str = "Dossier du titre CIP",
           redigees: dict | None = None) -> Partie:
    """Part `numero` of the titre's dossier; `definition`: a CCP's part written like it (its own
    title, competences and page budget, rules.CORRESPONDANCE_CCP); `redigees`: the candidate's
    written parts by number, when the caller already read them all (the whole dossier)."""
    definition = definition or ref.dossier_titre().partie(numero)
    redigee = redigees.get(numero) if redigees is not None else queries.partie_redigee(session, candidat, numero)
    refs = list(redigee.cas) if redigee else []
    textes = dict(redigee.textes or {}) if redigee else {}
    reglages = dict(redigee.reglages or {}) if redigee else {}
    if table is None:
        table = table_du_dossier(session, candidat, {numero: refs}, aujourd_hui)
    aliases = table.aliases()
    assemblage = queries.assembler(session, candidat, numero, refs, aujourd_hui, aliases)
    if numero in PARTIES_AVEC_ANALYSE:
        textes["_analyse"] = _analyse(session, candidat, refs, textes)
    faits = dict(assemblage.faits)
    analyse = textes.get("_analyse", {})
    if numero in PARTIES_AVEC_ANALYSE and all((analyse.get(c) or "").strip() for c, _l in CHAMPS_ANALYSE):
        faits["analyse"] = [Piece("votre analyse de pratique")]
    textes_regles = {**analyse, **{k: v for k, v in textes.items() if k in PAR_IDENT}}
    etats = [evaluer_regle(r, faits, textes=textes_regles, manquants=assemblage.manquants, cas=refs)
             for r in regles_de(numero)]
    intitules = {c: ref.competence(c).intitule for c in definition.competences}
    etat = EtatPartie(numero, definition.intitule, definition.pages_min, definition.pages_max, etats,
                      etat_competences(definition.competences, intitules,
                                       preuves if preuves is not None else queries.preuves(session, candidat)),
                      cas_choisis=len(refs))
    if "analyse" in faits:  # RC §3.2 CP11: the part's own analyse de pratique evidences it
        for c in etat.competences:
            if c.code == "CP11":
                c.note = "l'analyse de pratique de cette partie"
    resultat = Partie(numero, definition, refs, assemblage, textes, reglages, etat,
                      blocs=appliquer_reglages(assemblage.blocs, reglages, textes.get("coupes")))
    debut = None  # exact dates left in a free text become month and year (DOSSIER.md D3)
    resultat.propre, resultat.substitutions, resultat.restes = pseudonymiser(
        mise_en_page(resultat, intitules), table, textes, debut)
    if avec_pages:
        resultat.pages = pages_comptees(resultat.propre, titre_document)
    return resultat


# The page count of a part laid out (fpdf2, a tenth of the page's time for seven parts), kept by
# a digest of everything laid out: recomputed only when the part's text changed. Only digests
# and counts are kept, never the text.
_PAGES: "OrderedDict[bytes, int]" = OrderedDict()
_PAGES_TAILLE = 1024
_pages_verrou = threading.Lock()


def pages_comptees(propre: PartieMiseEnPage, titre: str) -> int:
    # pickle (C) rather than repr (a long draft's repr took ~12 ms a part); equal bytes, equal part.
    try:
        cle = hashlib.blake2b(pickle.dumps((propre, titre), protocol=5), digest_size=20).digest()
    except (pickle.PicklingError, TypeError, AttributeError):
        return pages_de_la_partie(propre, titre)
    with _pages_verrou:
        pages = _PAGES.get(cle)
        if pages is not None:
            _PAGES.move_to_end(cle)
            return pages
    pages = pages_de_la_partie(propre, titre)
    with _pages_verrou:
        _PAGES[cle] = pages
        while len(_PAGES) > _PAGES_TAILLE:
            _PAGES.popitem(last=False)
    return pages


@dataclass
class Dossier:
    parties: list[Partie]
    regles: list[EtatRegle]     # D1–D4
    total: int
    pages_min: int
    pages_max: int
    restes: list[Reste] = field(default_factory=list)
    production: str = "titre"     # or a CCP's code
    intitule: str = ""            # the production's title
    avis_budget: str = ""         # the RC's parts not adding up to its total (CCP3), flagged

    @property
    def avis_total(self) -> str:
        return avis_pages(self.total, self.pages_min, self.pages_max)

    @property
    def pret(self) -> bool:
        return all(p.etat.prete for p in self.parties) and all(r.tenue for r in self.regles)


def titre_document(code: str) -> str:
    return "Dossier du titre professionnel CIP" if code == "titre" else f"Dossier du {code} du titre CIP"


def dossier(session: Session, candidat, ref, aujourd_hui: date, production: str = "titre") -> Dossier:
    """The seven parts and the whole-dossier rules (D1–D4), D3 checked against every
    identifying value held for the people the chosen cases are about. `production`: a CCP's
    (« CCP2 »), its parts written like the titre's they correspond to, with their own budgets."""
    code = production
    preuves = queries.preuves(session, candidat)
    production = ref.production(code)
    redigees = queries.parties_redigees(session, candidat)   # read once, not once per part
    choisis = {n: list(p.cas) for n, p in redigees.items()}
    table = table_du_dossier(session, candidat, choisis, aujourd_hui)
    parties = [partie(session, candidat, ref, partie_du_titre(code, p.numero), aujourd_hui, preuves=preuves,
                      table=table, definition=p, titre_document=titre_document(code), redigees=redigees)
               for p in production.parties]
    restes = [r for p in parties for r in p.restes]
    total = sum(p.pages for p in parties)
    faits = {
        "structure": [Piece(f"{p.definition.intitule} : {', '.join(p.definition.competences)}") for p in parties]
        if [p.numero for p in parties] == [partie_du_titre(code, d.numero) for d in production.parties]
        and (code != "titre" or len(parties) == 7) else [],
        "pages": [Piece(f"{total} pages hors annexes")] if production.pages_min <= total <= production.pages_max else [],
        "anonymat": [] if restes else [Piece("aucune valeur identifiante trouvée dans les textes")],
        "analyses": [Piece(f"analyse de la {p.definition.intitule.lower()}") for p in parties
                     if p.numero in PARTIES_AVEC_ANALYSE and all(
                         e.tenue for e in p.etat.regles if "analyse" in e.regle.cles or e.regle.partie == 0)],
    }
    demandees = [p for p in parties if p.numero in PARTIES_AVEC_ANALYSE]
    if len(faits["analyses"]) < len(demandees):
        faits["analyses"] = []
    elif not demandees:   # CCP1: its RC section asks for no analyse de pratique
        faits["analyses"] = [Piece("aucune analyse de pratique demandée par cette production")]
    regles = [evaluer_regle(r, faits) for r in _regles_d(code, production)]
    if restes:
        regles[2].manque = f"{len(restes)} valeur(s) identifiante(s) restent dans les textes : " + " ; ".join(
            f"{r.nature} « {r.valeur} » ({_ordinal(r.partie)} partie, {r.endroit})" for r in restes[:5]) + "."
    if not faits["pages"]:
        regles[1].manque = avis_pages(total, production.pages_min, production.pages_max)
    return Dossier(parties, regles, total, production.pages_min, production.pages_max, restes, code,
                   production.intitule, avis_budget_ccp(production) if code != "titre" else "")


def _regles_d(code: str, production):
    """D1–D4; for a CCP's production, D1 and D2 said with its own parts and budget."""
    from dataclasses import replace

    regles = [PAR_IDENT[i] for i in ("D1", "D2", "D3", "D4")]
    if code != "titre":
        regles[0] = replace(regles[0], intitule=f"Les {len(production.parties)} partie(s) du RC pour le {code}, "
                                                "dans l'ordre, chacune nommant ses compétences.")
        regles[1] = replace(regles[1], intitule=f"{production.pages_min} à {production.pages_max} pages, annexes "
                                                "exclues (annexes numérotées à part).")
    return regles


def _ordinal(numero: int) -> str:
    return ("première", "deuxième", "troisième", "quatrième", "cinquième", "sixième", "septième")[numero - 1]


def couverture(candidat, ref, d: Dossier | None = None) -> Couverture:
    profil = candidat.profil_candidat
    ccp = d is not None and d.production != "titre"
    return Couverture(candidat.nom_complet, f"{d.production} — {d.intitule}" if ccp else ref.intitule,
                      f"{ref.sigle} ({ref.intitule}) — millésime {ref.millesime}" if ccp else
                      f"{ref.sigle} — millésime {ref.millesime} — niveau {ref.niveau}",
                      date_de_session(profil.date_session if profil else None),
                      profil.voie.libelle if profil else "—", candidat.structure.nom)


def annexes(d: Dossier, ref) -> list[tuple[str, list[Bloc]]]:
    """Annexes, numbered apart: the competences covered and how each is assessed; the
    rules of the RC and where the dossier answers them."""
    lignes = []
    for p in d.parties:
        for c in p.etat.competences:
            lignes.append((c.code, ref.competence(c.code).intitule, p.definition.intitule, c.evaluation))
    regles = tuple((e.regle.ident, e.regle.intitule, "tenue" if e.tenue else "à compléter")
                   for p in d.parties for e in p.etat.regles if not e.regle.ident.startswith("A"))
    return [("Compétences couvertes et modalités d'évaluation (RC §3.2)", [Bloc("annexe.competences", "", [], Tableau(
                ("Code", "Compétence", "Partie", "Évaluation"), tuple(lignes), (10, 45, 17, 28)))]),
            ("Règles du dossier et leur tenue", [Bloc("annexe.regles", "", [], Tableau(
                ("Règle", "Ce que demande le RC", "État"), regles, (10, 72, 18)))])]


class ExportRefuse(Exception):
    """D3: the export refuses a document in which an identifying value remains, and says where."""

    def __init__(self, restes: list[Reste]):
        super().__init__("valeurs identifiantes")
        self.restes = restes


def exporter_pdf(d: Dossier, candidat, ref) -> tuple[bytes, dict[int, int]]:
    if d.restes:
        raise ExportRefuse(d.restes)
    return dossier_pdf(couverture(candidat, ref, d), [p.propre for p in d.parties], annexes(d, ref),
                       **_titres(d))


def exporter_docx(d: Dossier, candidat, ref) -> bytes:
    """The same dossier as an editable document; refused on the same grounds (D3)."""
    from cipdesk.dossier.docx import dossier_docx

    if d.restes:
        raise ExportRefuse(d.restes)
    return dossier_docx(couverture(candidat, ref, d), [p.propre for p in d.parties], annexes(d, ref),
                        **_titres(d))


def _titres(d: Dossier) -> dict[str, str]:
    if d.production == "titre":
        return {}
    return {"titre_document": titre_document(d.production),
            "entete_couverture": "Production du certificat de compétences professionnelles"}


def exporter_dp(d: Dossier, candidat, ref) -> bytes:
    """The Dossier Professionnel pre-filled from the same parts; refused on the same grounds (D3)."""
    from cipdesk.dossier.dp import dp_pdf, exemples

    if d.restes:
        raise ExportRefuse(d.restes)
    profil = candidat.profil_candidat
    equipe = candidat.equipe.nom if getattr(candidat, "equipe", None) else ""
    return dp_pdf(candidat=candidat.nom_complet, titre=f"{ref.intitule} ({ref.sigle})",
                  voie=profil.voie.libelle if profil else "—",
                  exemples_=exemples(d.parties, candidat.structure.nom, equipe))


# -- pseudonymisation (D3): the engine of cipdesk/dossier/pseudonymisation ---------------------


@dataclass(frozen=True)
class Apercu:
    """One substitution of the preview, as the candidat sees it (their own page)."""
    endroit: str
    original: str
    remplacement: str
    nature: str
    refusee: bool
    corrigee: bool


def table_du_dossier(session: Session, candidat, refs_par_partie: dict[int, list[str]], aujourd_hui: date):
    """The identifying values of every person of the structure, the people of the chosen cases
    first (« Mme A. », « M. B. »… in the order of the parts)."""
    from cipdesk.dossier.pseudonymisation import queries as pq

    premiers = queries.personnes_des_cas(session, refs_par_partie)
    # Kept between requests while the structure's people, employers and contacts are unchanged.
    return pq.table_en_cache(session, candidat.structure_id, personnes_en_premier=premiers, le=aujourd_hui)


def _corrections(textes: dict):
    from cipdesk.dossier.pseudonymisation.rules import Correction

    return [Correction(c["original"], refusee=bool(c.get("refusee")), remplacement=c.get("remplacement"))
            for c in textes.get("corrections", []) if c.get("original")]


def pseudonymiser(mp: PartieMiseEnPage, table, textes: dict, debut: date | None
                  ) -> tuple[PartieMiseEnPage, list[Apercu], list[Reste]]:
    """Every text of the part through the engine: the pseudonymised part, the preview of the
    substitutions, and what would remain (D3: the export refuses then)."""
    from cipdesk.dossier.pseudonymisation import rules as pr

    corrections = _corrections(textes)
    corriges = {c.original for c in corrections}
    apercu: list[Apercu] = []
    restes: list[Reste] = []
    cle_corrections = tuple(corrections)

    def moteur(texte: str):
        r = pr.pseudonymiser(texte, table, corrections)
        return r, tuple(pr.restes(r.texte, table, corrections))

    def net(texte: str, endroit: str) -> str:
        if not (texte or "").strip():
            return texte
        # The same text through the same table gives the same result: kept on the table.
        r, trouves = table.memorise((texte, cle_corrections), lambda: moteur(texte))
        apercu.extend(Apercu(endroit, s.original, s.remplacement, pr.Nature(s.nature).libelle, s.refusee,
                             s.original in corriges) for s in r.substitutions)
        # What the engine still finds in the pseudonymised text, the candidat's accepted false
        # positives (their corrections) apart: the export refuses then, saying where.
        restes.extend(Reste(mp.numero, endroit, pr.Nature(x.nature).libelle, x.extrait) for x in trouves)
        return r.texte

    blocs = []
    for bloc in mp.blocs:
        lieu = f"bloc « {bloc.titre} »"
        tableau = None
        if bloc.tableau is not None:
            tableau = Tableau(bloc.tableau.entetes, tuple(tuple(net(str(c), f"tableau du {lieu}") for c in ligne)
                                                          for ligne in bloc.tableau.lignes), bloc.tableau.largeurs)
        blocs.append(Bloc(bloc.cle, net(bloc.titre, lieu), [net(p, lieu) for p in bloc.paragraphes], tableau,
                          bloc.regles))
    propre = PartieMiseEnPage(mp.numero, mp.intitule, mp.competences, net(mp.introduction, "introduction"), blocs,
                              net(mp.transitions, "transitions"),
                              [(titre, net(texte, f"analyse de pratique, « {titre} »")) for titre, texte in mp.analyse])
    return propre, apercu, restes
