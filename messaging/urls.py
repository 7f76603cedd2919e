from django.urls import path

from messaging import views

app_name = "messaging"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("new/", views.conversation_new, name="new"),
    path("<int:pk>/", views.conversation, name="conversation"),
    path("message/<int:pk>/", views.message_detail, name="message"),
    path("message/<int:pk>/report/", views.message_report, name="report"),
]
