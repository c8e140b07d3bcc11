"""An attached document (a small PDF) for a person of the conseiller, and a remembered
browser of the conseiller (second factor), for the tests that walk every route."""
from __future__ import annotations

import uuid

from sqlalchemy import select

# The smallest PDF the signature check recognises (%PDF-), with a trailer.
PDF_MINIMAL = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
               b"endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n"
               b"%%EOF\n")
PNG_MINIMAL = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                            "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def document(ctx, personne, auteur, *, nom="CV test.pdf", donnees=PDF_MINIMAL, nature="cv", **kw):
    from cipdesk.documents_joints import services

    doc = services.deposer(ctx, personne=personne, par=auteur, nature=nature, nom_fichier=nom, donnees=donnees, **kw)
    ctx.commit()
    return doc


def objets_documents_joints(ctx, monde) -> dict:
    from cipdesk.comptes import second_facteur
    from cipdesk.comptes.models import NavigateurDeConfiance
    from cipdesk.core.db import utcnow
    from cipdesk.personnes.models import Personne

    personne = ctx.scalars(select(Personne).where(Personne.referent_id == monde.conseiller.id)
                           .order_by(Personne.created_at)).first()
    doc = document(ctx, personne, monde.conseiller)
    jeton = second_facteur.memoriser_navigateur(ctx, utilisateur=monde.conseiller, agent="Firefox/128.0 (X11; Linux)",
                                                maintenant=utcnow())
    navigateur = ctx.scalar(select(NavigateurDeConfiance).where(
        NavigateurDeConfiance.empreinte == second_facteur._empreinte(jeton)))
    ctx.commit()
    return {"document_joint": doc.id, "navigateur": navigateur.id if navigateur else uuid.uuid4()}
