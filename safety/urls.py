from django.urls import path

from safety import views

urlpatterns = [path("help/", views.crisis_resources, name="crisis_resources")]
