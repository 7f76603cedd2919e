app_name = "blogs"

urlpatterns = []
