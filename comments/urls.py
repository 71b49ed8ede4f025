from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("articles/<slug:slug>/comments/", views.CommentFormView.as_view(), name="post"),
    path("articles/<slug:slug>/comments/token", views.form_token, name="form-token"),
]
