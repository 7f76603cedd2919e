from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.article_list, name="list"),
    path("<slug:slug>/", views.article_detail, name="detail"),
    path("<slug:slug>/print/", views.article_print, name="print"),
    path("<slug:slug>/feedback/", views.article_feedback, name="feedback"),
]
