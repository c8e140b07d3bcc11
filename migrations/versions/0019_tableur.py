"""tableur : les imports de tableurs (issue #19), de leur dépôt à leur annulation

Revision ID: 0019_tableur
Revises: 0019_quotidien
Create Date: 2026-12-01 10:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = "0019_tableur"
down_revision = "0019_quotidien"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "import_tableur",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("structure_id", sa.Uuid(), nullable=False),
        sa.Column("auteur_id", sa.Uuid(), nullable=False),
        sa.Column("liste", sa.String(60), nullable=False),
        sa.Column("etat", sa.Enum("depose", "analyse", "en_attente", "en_cours", "termine", "echoue", "annule",
                                  name="etatimport", native_enum=False, length=30), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("traitees", sa.Integer(), nullable=False),
        sa.Column("importe_le", sa.DateTime(timezone=True), nullable=True),
        sa.Column("annule_le", sa.DateTime(timezone=True), nullable=True),
        sa.Column("donnees_chiffre", sa.LargeBinary(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"),
                  nullable=False),
        sa.ForeignKeyConstraint(["structure_id"], ["structure.id"], name=op.f("fk_import_tableur_structure_id_structure")),
        sa.ForeignKeyConstraint(["auteur_id"], ["utilisateur.id"], name=op.f("fk_import_tableur_auteur_id_utilisateur")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_tableur")),
    )
    op.create_index(op.f("ix_import_tableur_structure_id"), "import_tableur", ["structure_id"])
    op.create_index(op.f("ix_import_tableur_auteur_id"), "import_tableur", ["auteur_id"])


def downgrade():
    op.drop_index(op.f("ix_import_tableur_auteur_id"), table_name="import_tableur")
    op.drop_index(op.f("ix_import_tableur_structure_id"), table_name="import_tableur")
    op.drop_table("import_tableur")
