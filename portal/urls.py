from django.apps import apps
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from portal import composer, views, welcome
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
    path("", include("safety.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("pages/<slug:slug>/", views.site_page, name="site_page"),
    path("search/", views.search, name="search"),
    path("welcome/", welcome.welcome, name="welcome"),
    path("preview/", composer.preview, name="preview"),
    path("images/upload/", composer.image_upload, name="image_upload"),
    re_path(r"^images/(?P<key>[0-9a-f]{32})/$", composer.member_image, name="member_image"),
    path("healthz", views.healthz, name="healthz"),
    # Uploads from whichever storage holds them (local disk or S3), on our own origin.
    path("media/<path:path>", views.media_file, name="media_file"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
]

if apps.is_installed("bench"):
    urlpatterns.append(path("bench/", include("bench.urls")))
