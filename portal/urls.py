from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.static import serve

from portal import views
from portal.sitemaps import sitemaps

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", include("articles.urls")),
    path("forums/", include("forums.urls")),
    path("blogs/", include("blogs.urls")),
    path("videos/", include("videos.urls")),
    path("heroes/", include("heroes.urls")),
    path("messages/", include("messaging.urls")),
    path("", include("accounts.urls")),
    path("", include("moderation.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("pages/<slug:slug>/", views.site_page, name="site_page"),
    path("search/", views.search, name="search"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
]

if apps.is_installed("bench"):
    urlpatterns.append(path("bench/", include("bench.urls")))

if settings.DEBUG or settings.TESTING:
    # Member uploads (covers, posters) in development; production serves MEDIA_ROOT itself.
    # A path no file system accepts (over 255 characters) is not found, not an error.
    urlpatterns += [
        re_path(r"^media/(?P<path>.{1,255})$", serve, {"document_root": settings.MEDIA_ROOT})
    ]
