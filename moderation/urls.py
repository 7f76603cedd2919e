from django.urls import path

from moderation import views

app_name = "moderation"

urlpatterns = [
    path(
        "report/<str:app_label>/<str:model_name>/<int:pk>/",
        views.report_create,
        name="report",
    ),
    path("hide/<str:app_label>/<str:model_name>/<int:pk>/", views.hide, name="hide"),
    path("restore/<str:app_label>/<str:model_name>/<int:pk>/", views.restore, name="restore"),
    path(
        "members-only/<str:app_label>/<str:model_name>/<int:pk>/",
        views.make_members_only,
        name="make_members_only",
    ),
    path(
        "public/<str:app_label>/<str:model_name>/<int:pk>/", views.make_public, name="make_public"
    ),
]
