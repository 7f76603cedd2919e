"""Deleting an account: no row anywhere still links the member, except the tables listed
here with the reason. A new model with a foreign key to the user fails the first test
until someone decides (and says) what erasure does with it."""

import pytest

from accounts.data_rights import delete_account
from tests.privacy.busy_member import make_busy_member, user_fields, walk

pytestmark = pytest.mark.django_db

PUBLISHED = "published content stays (others replied), shown as 'deleted member'"
MODERATION = "moderation record: the community's safety needs it (privacy page)"
STAFF = "what a staff member did (editorial or moderation audit), not the member's data"
REVISION = "revision of text that stays; revisions of erased text are purged"

# Links to the anonymised account that may stay, and why.
KEEPS_LINK = {
    "admin.LogEntry.user": STAFF,
    "accounts.SurgeonVerification.decided_by": STAFF,
    "accounts.PrivateDataAccess.viewer": STAFF,
    "accounts.PrivateDataAccess.owner": "audit of staff access to the member's data",
    "moderation.Report.reporter": MODERATION,
    "moderation.Report.handled_by": MODERATION,
    "moderation.ModerationLogEntry.actor": MODERATION,
    "moderation.Suspension.member": MODERATION,
    "moderation.Suspension.created_by": MODERATION,
    "moderation.Report.member": MODERATION,
    "moderation.ModerationLogEntry.member": MODERATION,
    "moderation.OnDuty.moderator": STAFF,
    "articles.Article.reviewer": STAFF,
    "forums.Thread.author": PUBLISHED,
    "forums.Post.author": PUBLISHED,
    "blogs.Blog.owner": PUBLISHED + "; its title and description are cleared",
    "blogs.BlogPost.author": PUBLISHED,
    "blogs.Comment.author": PUBLISHED,
    "heroes.Nomination.nominator": "decided nominations only: how a hero page came to be",
}
KEEPS_LINK_SUFFIXES = {".moderated_by": STAFF, ".decided_by": STAFF, ".history_user": REVISION}
# Rows erasure removes (or unlinks): the busy member has at least one of each.
ERASED = {
    "account.EmailAddress.user", "mfa.Authenticator.user", "accounts.User_groups.user",
    "accounts.User_user_permissions.user", "accounts.SurgeonVerification.user",
    "accounts.Notification.recipient", "accounts.Notification.actor",
    "accounts.Block.blocker", "accounts.Block.blocked",
    "forums.Reaction.user", "forums.ThreadWatch.user", "forums.ForumWatch.user",
    "forums.ThreadReadState.user", "forums.RecoveryRecord.user",
    "heroes.Hero.account", "messaging.Participant.user", "messaging.Message.sender",
    "core.MemberImage.owner", "core.Draft.user",
}  # fmt: skip


def may_keep(label: str) -> bool:
    model = label.split(".")[1]
    return (
        label in KEEPS_LINK
        or label.endswith(tuple(KEEPS_LINK_SUFFIXES))
        or model.startswith("Historical")  # REVISION: see the history tests
    )


def test_every_link_to_a_member_has_a_decision():
    undecided = [label for label, _, _ in user_fields() if not may_keep(label)]

    assert len(list(user_fields())) > 10  # the walk finds the links to the user table
    assert sorted(set(undecided) - ERASED) == []


@pytest.mark.absence_only("`empty == []` says every erased table has rows: a presence check")
def test_the_busy_member_fills_every_erased_table(moderator):
    member = make_busy_member(moderator)

    empty = [label for label, count in walk(member).items() if label in ERASED and not count]

    assert empty == []


@pytest.mark.parametrize("erase_text", [False, True])
def test_no_row_links_a_deleted_member_but_the_allowed_ones(moderator, erase_text):
    member = make_busy_member(moderator)
    before = {label for label, n in walk(member).items() if n and not may_keep(label)}

    delete_account(member, erase_text=erase_text)

    left = {label: n for label, n in walk(member).items() if n and not may_keep(label)}
    assert before
    assert left == {}
