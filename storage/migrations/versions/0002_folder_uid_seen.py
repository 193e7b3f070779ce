"""folder_state.uid_seen: the UID up to which a folder is read, so copies at other UIDs are not fetched again

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('folder_state', schema=None) as batch_op:
        batch_op.add_column(sa.Column('uid_seen', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('folder_state', schema=None) as batch_op:
        batch_op.drop_column('uid_seen')
