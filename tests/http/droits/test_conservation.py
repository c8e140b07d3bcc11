"""Retention (issue #18, point 9): `cipdesk retention` anonymises a person whose last contact is
older than the structure's duration, and the tableau de bord's figures stay the same; what it did
is in the audit trail, whose chain still verifies after the provenance is blanked."""
from __future__ import annotations

from dataclasses import astuple
from datetime import date, datetime, timezone

from sqlalchemy import select

from cipdesk.droits import services
from cipdesk.droits.models import Anonymisation
from cipdesk.personnes.models import Personne
from cipdesk.security import audit
from cipdesk.security.audit import Action, JournalAudit, journaliser
from cipdesk.tableau import queries
from cipdesk.tableau.rules import Filtres
from tests.factories.tableau import AUJ, FIN, monde_du_tableau


def _figures(session, chef, debut):
    contexte = queries.contexte(session, chef, AUJ, Filtres(debut, FIN))
    return {code: ([astuple(l) for l in c.lignes], [astuple(l) for l in c.groupes], astuple(c.total))
            for code, c in queries.tableau_de_bord(session, contexte).items()}


def test_la_conservation_anonymise_sans_changer_les_chiffres(ctx, fabrique):
    m = monde_du_tableau(ctx, fabrique)
    # P4 left in 2025; their last contact is 25 months old on AUJ: past the 24 months by default.
    m.p4.dernier_contact_le = date(2024, 5, 20)
    ctx.commit()
    nom_avant = m.p4.nom
    avant = {debut: _figures(ctx, m.chef, debut) for debut in (date(2025, 1, 1), date(2026, 1, 1))}
    assert any(n for lignes, _g, _t in avant[date(2025, 1, 1)].values() for _c, _l, n, *_ in lignes)

    rapport = services.retention(ctx, aujourd_hui=AUJ)
    ctx.commit()

    assert rapport["anonymisees"] == 1
    ctx.expire_all()
    p4 = ctx.get(Personne, m.p4.id)
    assert p4.nom == "Anonyme" and p4.prenom == "" and nom_avant not in p4.nom_recherche
    assert ctx.scalar(select(Anonymisation.motif).where(Anonymisation.personne_id == p4.id)) == "conservation"
    for autre in (m.p1, m.p2, m.p3):
        assert ctx.get(Personne, autre.id).nom != "Anonyme"
    # The reports of past periods still add up: every figure, every line, every group.
    apres = {debut: _figures(ctx, m.chef, debut) for debut in avant}
    assert apres == avant
    # Written in the audit trail, and the chain still verifies.
    trace = ctx.scalars(select(JournalAudit).where(JournalAudit.action == Action.ANONYMISATION,
                                                   JournalAudit.objet_id == str(p4.id))).all()
    assert len(trace) == 1 and trace[0].motif == "conservation"
    assert audit.verifier(ctx).integre, audit.verifier(ctx).anomalies
    # A second run finds nothing more to do.
    assert services.retention(ctx, aujourd_hui=AUJ)["anonymisees"] == 0


def test_les_adresses_ip_s_effacent_sans_casser_la_chaine(ctx, fabrique):
    structure = fabrique.structure()
    acteur = fabrique.utilisateur(structure)
    jeton = audit.provenance_courante.set(audit.Provenance("203.0.113.7", "Mozilla/5.0 Firefox/140"))
    try:
        vieille = journaliser(ctx, acteur=acteur, action=Action.LECTURE, objet_type="personne", objet_id="x")
        vieille.at = datetime(2026, 1, 5, tzinfo=timezone.utc)
        ctx.flush()
        recente = journaliser(ctx, acteur=acteur, action=Action.LECTURE, objet_type="personne", objet_id="y")
        ctx.commit()
    finally:
        audit.provenance_courante.reset(jeton)
    assert audit.verifier(ctx).integre

    bilan = audit.effacer_provenance(ctx, mois=3, maintenant=datetime(2026, 6, 1, tzinfo=timezone.utc))
    ctx.commit()
    ctx.expire_all()

    assert bilan["lignes"] >= 1
    vieille, recente = ctx.get(JournalAudit, vieille.id), ctx.get(JournalAudit, recente.id)
    assert (vieille.adresse_ip, vieille.agent, vieille.sel_provenance) == ("", "", None)
    assert recente.adresse_ip == "203.0.113.7"
    verification = audit.verifier(ctx)
    assert verification.integre, verification.anomalies


def test_une_adresse_reecrite_se_voit(ctx, fabrique):
    from sqlalchemy import text

    structure = fabrique.structure()
    acteur = fabrique.utilisateur(structure)
    jeton = audit.provenance_courante.set(audit.Provenance("203.0.113.7", "Firefox"))
    try:
        ligne = journaliser(ctx, acteur=acteur, action=Action.LECTURE, objet_type="personne", objet_id="x")
        ctx.commit()
    finally:
        audit.provenance_courante.reset(jeton)
    # Someone blanks the provenance behind the application's back (the triggers accept the blanking,
    # the only UPDATE allowed): without a documented erasure, the verification reports it.
    ctx.execute(text("UPDATE journal_audit SET adresse_ip = '', agent = '', sel_provenance = NULL WHERE id = :i"),
                {"i": ligne.id})
    ctx.commit()
    assert any("sans effacement documenté" in a for a in audit.verifier(ctx).anomalies)
