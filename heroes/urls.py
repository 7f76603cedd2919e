app_name = "heroes"

urlpatterns = []
