app_name = "videos"

urlpatterns = []
