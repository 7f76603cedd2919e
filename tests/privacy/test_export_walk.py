"""The data download covers every table that holds the member's data: every foreign key
to the user is either in the export (at the path given) or listed here with the reason."""

import json

import pytest

from accounts.data_rights import export_user_data
from tests.privacy.busy_member import SECRET, make_busy_member, user_fields

pytestmark = pytest.mark.django_db

EXPORTED_AT = {
    "account.EmailAddress.user": "email_addresses",
    "mfa.Authenticator.user": "two_factor_methods",
    "accounts.User_groups.user": "account.roles",
    "accounts.SurgeonVerification.user": "surgeon_verification",
    "accounts.Notification.recipient": "notifications",
    "accounts.Block.blocker": "blocked_members",
    "accounts.PrivateDataAccess.owner": "staff_views_of_your_data",
    "moderation.Report.reporter": "reports_made",
    "moderation.Suspension.member": "suspensions",
    "forums.Thread.author": "forums.threads_started",
    "forums.Post.author": "forums.posts",
    "forums.Reaction.user": "forums.reactions",
    "forums.ThreadWatch.user": "forums.watched_threads",
    "forums.ForumWatch.user": "forums.watched_forums",
    "forums.ThreadReadState.user": "forums.read_states",
    "forums.RecoveryRecord.user": "forums.recovery_records",
    "blogs.Blog.owner": "blog",
    "blogs.BlogPost.author": "blog_posts",
    "blogs.Comment.author": "blog_comments",
    "heroes.Nomination.nominator": "hero_nominations",
    "heroes.Hero.account": "hero_pages",
    "messaging.Participant.user": "private_messages",
    "messaging.Message.sender": "private_messages",
    "core.MemberImage.owner": "images",
    "core.Draft.user": "drafts",
}
OTHERS = "another member's data about this one (theirs to download)"
STAFF = "what a staff member did, not the member's data"
NOT_EXPORTED = {
    "accounts.User_user_permissions.user": "permissions the site set, shown as roles",
    "accounts.Notification.actor": OTHERS,
    "accounts.Block.blocked": OTHERS,
    "accounts.PrivateDataAccess.viewer": STAFF,
    "admin.LogEntry.user": STAFF,
    "articles.Article.reviewer": STAFF,
    "moderation.Report.handled_by": STAFF,
    "moderation.ModerationLogEntry.actor": STAFF,
    "moderation.Suspension.created_by": STAFF,
    "moderation.OnDuty.moderator": STAFF,
    # Whose content a report or a log entry was about: the moderators' own record (the
    # member's suspensions, which concern them directly, are exported).
    "moderation.Report.member": "a moderation record about the member's content",
    "moderation.ModerationLogEntry.member": "a moderation record about the member's content",
}
NOT_EXPORTED_SUFFIXES = (".moderated_by", ".decided_by", ".history_user")


def is_explained(label: str) -> bool:
    # Historical* rows are revisions; the current text is exported with its row.
    return (
        label in EXPORTED_AT
        or label in NOT_EXPORTED
        or label.endswith(NOT_EXPORTED_SUFFIXES)
        or label.split(".")[1].startswith("Historical")
    )


def at(data: dict, path: str):
    for key in path.split("."):
        data = data[key]
    return data


def test_every_link_to_a_member_is_exported_or_explained():
    assert len(list(user_fields())) > 10  # the walk finds the links to the user table
    assert sorted(label for label, _, _ in user_fields() if not is_explained(label)) == []


def test_the_export_holds_each_table_of_a_busy_member(moderator):
    member = make_busy_member(moderator)

    data = json.loads(json.dumps(export_user_data(member), default=str))

    assert [path for path in EXPORTED_AT.values() if not at(data, path)] == []
    assert SECRET in json.dumps(data)
    assert "Dr Busy" in json.dumps(data["surgeon_verification"])
