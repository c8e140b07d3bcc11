"""dossier : accompagnateur·rice de VAE collective rattaché·e à des candidat·e·s (suit l'état de préparation de leur dossier, jamais leurs files actives)

Revision ID: 0019_dossier
Revises: 0019_bancs
Create Date: 2026-12-01 11:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = "0019_dossier"
down_revision = "0019_bancs"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "dossier_accompagnement_vae",
        sa.Column("accompagnateur_id", sa.Uuid(), nullable=False),
        sa.Column("candidat_id", sa.Uuid(), nullable=False),
        sa.Column("groupe", sa.String(length=120), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("structure_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(["accompagnateur_id"], ["utilisateur.id"],
                                name=op.f("fk_dossier_accompagnement_vae_accompagnateur_id_utilisateur")),
        sa.ForeignKeyConstraint(["candidat_id"], ["utilisateur.id"],
                                name=op.f("fk_dossier_accompagnement_vae_candidat_id_utilisateur")),
        sa.ForeignKeyConstraint(["structure_id"], ["structure.id"],
                                name=op.f("fk_dossier_accompagnement_vae_structure_id_structure")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_accompagnement_vae")),
        sa.UniqueConstraint("accompagnateur_id", "candidat_id", name="uq_dossier_accompagnement_vae"),
    )
    op.create_index(op.f("ix_dossier_accompagnement_vae_accompagnateur_id"), "dossier_accompagnement_vae",
                    ["accompagnateur_id"], unique=False)
    op.create_index(op.f("ix_dossier_accompagnement_vae_candidat_id"), "dossier_accompagnement_vae",
                    ["candidat_id"], unique=False)
    op.create_index(op.f("ix_dossier_accompagnement_vae_structure_id"), "dossier_accompagnement_vae",
                    ["structure_id"], unique=False)


def downgrade():
    op.drop_index(op.f("ix_dossier_accompagnement_vae_structure_id"), table_name="dossier_accompagnement_vae")
    op.drop_index(op.f("ix_dossier_accompagnement_vae_candidat_id"), table_name="dossier_accompagnement_vae")
    op.drop_index(op.f("ix_dossier_accompagnement_vae_accompagnateur_id"), table_name="dossier_accompagnement_vae")
    op.drop_table("dossier_accompagnement_vae")
