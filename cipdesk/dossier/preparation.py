"""The candidat's dossier as a whole: for each part, its material (chosen cases,
assembled blocks, the candidat's writing), its rules evaluated, its competences with
how the RC assesses them, and its real page count. Reads only (no write)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from cipdesk.core.contrat import registre
from cipdesk.dossier import queries
from cipdesk.dossier.brouillon.commun import Assemblage, Bloc, Tableau, appliquer_reglages
from cipdesk.dossier.pdf import Couverture, PartieMiseEnPage, date_de_session, dossier_pdf, pages_de_la_partie
from cipdesk.dossier.rules import (CHAMPS_ANALYSE, PARTIES_AVEC_ANALYSE, PAR_IDENT, EtatPartie, EtatRegle, Piece, Reste,
                                   avis_pages, chercher_restes, etat_competences, evaluer_regle, regles_de)


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

    @property
    def avis_pages(self) -> str:
        return avis_pages(self.pages, self.definition.pages_min, self.definition.pages_max)


def _analyse(session: Session, candidat, refs: list[str], textes: dict) -> dict[str, str]:
    """The analysis fields: the candidat's own, else what the pratique module holds on the case."""
    champs = {c: (textes.get(c) or "") for c, _l in CHAMPS_ANALYSE}
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
           avec_pages: bool = True) -> Partie:
    definition = ref.dossier_titre().partie(numero)
    redigee = queries.partie_redigee(session, candidat, numero)
    refs = list(redigee.cas) if redigee else []
    textes = dict(redigee.textes or {}) if redigee else {}
    reglages = dict(redigee.reglages or {}) if redigee else {}
    assemblage = queries.assembler(session, candidat, numero, refs, aujourd_hui)
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
    if avec_pages:
        resultat.pages = pages_de_la_partie(mise_en_page(resultat, intitules))
    return resultat


@dataclass
class Dossier:
    parties: list[Partie]
    regles: list[EtatRegle]     # D1–D4
    total: int
    pages_min: int
    pages_max: int
    restes: list[Reste] = field(default_factory=list)

    @property
    def avis_total(self) -> str:
        return avis_pages(self.total, self.pages_min, self.pages_max)

    @property
    def pret(self) -> bool:
        return all(p.etat.prete for p in self.parties) and all(r.tenue for r in self.regles)


def textes_a_verifier(p: PartieMiseEnPage) -> list[tuple[int, str, str]]:
    """Every text the PDF of a part would print, with where it is (for D3's messages)."""
    textes = [(p.numero, "introduction", p.introduction), (p.numero, "transitions", p.transitions)]
    textes += [(p.numero, f"analyse de pratique, « {titre} »", texte) for titre, texte in p.analyse]
    for bloc in p.blocs:
        textes += [(p.numero, f"bloc « {bloc.titre} »", para) for para in bloc.paragraphes]
        if bloc.tableau is not None:
            textes += [(p.numero, f"tableau du bloc « {bloc.titre} »", " | ".join(map(str, ligne)))
                       for ligne in bloc.tableau.lignes]
    return textes


def dossier(session: Session, candidat, ref, aujourd_hui: date) -> Dossier:
    """The seven parts and the whole-dossier rules (D1–D4), D3 checked against every
    identifying value held for the people the chosen cases are about."""
    preuves = queries.preuves(session, candidat)
    production = ref.dossier_titre()
    parties = [partie(session, candidat, ref, p.numero, aujourd_hui, preuves=preuves) for p in production.parties]
    intitules = {c.code: c.intitule for c in ref.competences}
    valeurs = queries.valeurs_identifiantes(session, candidat, {p.numero: p.refs for p in parties})
    restes = chercher_restes([t for p in parties for t in textes_a_verifier(mise_en_page(p, intitules))], valeurs)
    total = sum(p.pages for p in parties)
    faits = {
        "structure": [Piece(f"{p.definition.intitule} : {', '.join(p.definition.competences)}") for p in parties]
        if [p.numero for p in parties] == list(range(1, 8)) else [],
        "pages": [Piece(f"{total} pages hors annexes")] if production.pages_min <= total <= production.pages_max else [],
        "anonymat": [] if restes else [Piece("aucune valeur identifiante trouvée dans les textes")],
        "analyses": [Piece(f"analyse de la {p.definition.intitule.lower()}") for p in parties
                     if p.numero in PARTIES_AVEC_ANALYSE and all(
                         e.tenue for e in p.etat.regles if "analyse" in e.regle.cles or e.regle.partie == 0)],
    }
    if len(faits["analyses"]) < len(PARTIES_AVEC_ANALYSE):
        faits["analyses"] = []
    regles = [evaluer_regle(r, faits) for r in (PAR_IDENT[i] for i in ("D1", "D2", "D3", "D4"))]
    if restes:
        regles[2].manque = f"{len(restes)} valeur(s) identifiante(s) restent dans les textes : " + " ; ".join(
            f"{r.nature} « {r.valeur} » ({_ordinal(r.partie)} partie, {r.endroit})" for r in restes[:5]) + "."
    if not faits["pages"]:
        regles[1].manque = avis_pages(total, production.pages_min, production.pages_max)
    return Dossier(parties, regles, total, production.pages_min, production.pages_max, restes)


def _ordinal(numero: int) -> str:
    return ("première", "deuxième", "troisième", "quatrième", "cinquième", "sixième", "septième")[numero - 1]


def couverture(candidat, ref) -> Couverture:
    profil = candidat.profil_candidat
    return Couverture(candidat.nom_complet, ref.intitule,
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
    intitules = {c.code: c.intitule for c in ref.competences}
    return dossier_pdf(couverture(candidat, ref), [mise_en_page(p, intitules) for p in d.parties], annexes(d, ref))


def exporter_docx(d: Dossier, candidat, ref) -> bytes:
    """The same dossier as an editable document; refused on the same grounds (D3)."""
    from cipdesk.dossier.docx import dossier_docx

    if d.restes:
        raise ExportRefuse(d.restes)
    intitules = {c.code: c.intitule for c in ref.competences}
    return dossier_docx(couverture(candidat, ref), [mise_en_page(p, intitules) for p in d.parties], annexes(d, ref))


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
