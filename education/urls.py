from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import views
from .feeds import LatestArticlesFeed
from .sitemaps import SITEMAPS

app_name = "education"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("faq/", views.FAQView.as_view(), name="faq"),
    path("benefits/", views.BenefitListView.as_view(), name="benefits"),
    path("conditions/", views.ConditionListView.as_view(), name="conditions"),
    path("where-it-hurts/", views.BodyMapView.as_view(), name="body-map"),
    path("where-it-hurts/<slug:slug>/", views.BodyRegionView.as_view(), name="body-region"),
    path("safety/", views.SafetyView.as_view(), name="safety"),
    path("aftercare/", views.AftercareView.as_view(), name="aftercare"),
    path("contact/", views.ContactView.as_view(), name="contact"),
    path("evidence/", views.EvidenceView.as_view(), name="evidence"),
    path("costs-and-coverage/", views.CoverageView.as_view(), name="coverage"),
    path("who-treats-you/", views.PractitionerListView.as_view(), name="practitioners"),
    path("glossary/", views.GlossaryView.as_view(), name="glossary"),
    path("self-check/", views.SelfCheckView.as_view(), name="self-check"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("feed/", LatestArticlesFeed(), name="feed"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.RobotsView.as_view(), name="robots"),
]
