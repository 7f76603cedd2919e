from django.apps import apps
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from portal import composer, views, welcome
from portal.sitemaps import sitemaps

# The site's pages, in every language: English unprefixed, the others under /<code>/.
urlpatterns = i18n_patterns(
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
    path("pages/<slug:slug>/", views.site_page, name="site_page"),
    path("search/", views.search, name="search"),
    path("welcome/", welcome.welcome, name="welcome"),
    path("jsi18n/", views.javascript_catalog, name="javascript_catalog"),
    prefix_default_language=False,
)
# One address for every language: tools, files and endpoints called from pages.
urlpatterns += [
    path("admin/", admin.site.urls),
    path("language/<str:code>/", views.switch_language, name="switch_language"),
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
