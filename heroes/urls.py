from django.urls import path

from heroes import views

app_name = "heroes"

urlpatterns = [
    path("", views.hero_list, name="list"),
    path("nominate/", views.nomination_create, name="nominate"),
    path("nominate/done/<int:pk>/", views.nomination_done, name="nomination_done"),
    path("nominations/", views.nomination_list, name="nomination_list"),
    path("policy/", views.policy, name="policy"),
    path("<slug:slug>/", views.hero_detail, name="detail"),
]
