"""/blogs/… Fixed words come first; their names are reserved usernames
(accounts/validators.py), so no member's blog can hide a route. `<username:username>`
accepts every character a username may contain (letters, digits, @ . + - _)."""

from django.urls import path

import core.inputs  # noqa: F401 (registers the <username:…> and <tag:…> path converters)
from blogs import feeds, views

app_name = "blogs"

urlpatterns = [
    path("", views.post_list, name="post_list"),
    path("feed/", feeds.LatestPostsFeed(), name="feed"),
    path("feed/atom/", feeds.LatestPostsAtomFeed(), name="feed_atom"),
    path("tag/<tag:slug>/", views.tag_detail, name="tag_detail"),
    path("tag/<tag:slug>/feed/", feeds.TagFeed(), name="tag_feed"),
    path("new/", views.post_create, name="post_create"),
    path("autosave/", views.autosave, name="autosave"),
    path("check/", views.safety_check, name="safety_check"),
    path("settings/", views.blog_settings, name="blog_settings"),
    path("posts/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("posts/<int:pk>/delete/", views.post_delete, name="post_delete"),
    path("posts/<int:pk>/comment/", views.comment_create, name="comment_create"),
    path("comments/<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("comments/<int:pk>/delete/", views.comment_delete, name="comment_delete"),
    path("<username:username>/", views.blog_detail, name="blog_detail"),
    path("<username:username>/feed/", feeds.BlogFeed(), name="blog_feed"),
    path("<username:username>/<int:pk>/", views.post_redirect, name="post_redirect"),
    path("<username:username>/<int:pk>-<slug:slug>/", views.post_detail, name="post_detail"),
]
