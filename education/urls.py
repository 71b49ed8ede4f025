from django.urls import path

from . import views

app_name = "education"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/", views.ArticleListView.as_view(), name="article-list"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("faq/", views.FAQView.as_view(), name="faq"),
    path("benefits/", views.BenefitListView.as_view(), name="benefits"),
    path("conditions/", views.ConditionListView.as_view(), name="conditions"),
    path("safety/", views.SafetyView.as_view(), name="safety"),
    path("aftercare/", views.AftercareView.as_view(), name="aftercare"),
    path("contact/", views.ContactView.as_view(), name="contact"),
    path("glossary/", views.GlossaryView.as_view(), name="glossary"),
]
