from django.urls import path

from forums import views

app_name = "forums"

urlpatterns = [
    path("", views.forum_index, name="forum_index"),
    path("latest/", views.latest, name="latest"),
    path("recovery/", views.recovery_list, name="recovery_list"),
    path("recovery/<int:pk>/delete/", views.recovery_delete, name="recovery_delete"),
    path("check/", views.post_check, name="post_check"),
    path("draft/", views.draft_save, name="draft_save"),
    path("draft/discard/", views.draft_discard, name="draft_discard"),
    path("thread/<int:pk>/", views.thread_redirect, name="thread_redirect"),
    path("thread/<int:pk>-<slug:slug>/", views.thread_detail, name="thread_detail"),
    path("thread/<int:pk>/reply/", views.post_create, name="post_create"),
    path("thread/<int:pk>/watch/", views.thread_watch, name="thread_watch"),
    path("thread/<int:pk>/lock/", views.thread_lock, name="thread_lock"),
    path("thread/<int:pk>/unlock/", views.thread_unlock, name="thread_unlock"),
    path("thread/<int:pk>/pin/", views.thread_pin, name="thread_pin"),
    path("thread/<int:pk>/unpin/", views.thread_unpin, name="thread_unpin"),
    path("thread/<int:pk>/move/", views.thread_move, name="thread_move"),
    path("post/<int:pk>/", views.post_permalink, name="post_permalink"),
    path("post/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("post/<int:pk>/quote/", views.post_quote, name="post_quote"),
    path("post/<int:pk>/clinician/", views.post_clinician, name="post_clinician"),
    path("post/<int:pk>/delete/", views.post_delete, name="post_delete"),
    path("post/<int:pk>/react/<str:kind>/", views.post_react, name="post_react"),
    path("post/<int:pk>/history/", views.post_history, name="post_history"),
    path("<slug:slug>/", views.forum_detail, name="forum_detail"),
    path("<slug:slug>/new/", views.thread_create, name="thread_create"),
    path("<slug:slug>/watch/", views.forum_watch, name="forum_watch"),
]
