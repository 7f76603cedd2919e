from django.urls import path

import core.inputs  # noqa: F401 (registers the <username:…> path converter)
from accounts import views

app_name = "accounts"

urlpatterns = [
    path("members/<username:username>/", views.profile, name="profile"),
    path("members/<username:username>/block/", views.block_toggle, name="block"),
    path("accounts/settings/", views.settings_edit, name="settings"),
    path("accounts/data/", views.data_export, name="data_export"),
    path("accounts/delete/", views.account_delete, name="delete"),
    path("accounts/verification/", views.verification_request, name="verification"),
    path("notifications/", views.notification_list, name="notifications"),
    path("notifications/read/", views.notifications_mark_read, name="notifications_read"),
    path("notifications/<int:pk>/", views.notification_open, name="notification_open"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
