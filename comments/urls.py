from django.urls import path
from django.views.decorators.debug import sensitive_post_parameters

from . import views

app_name = "comments"

# A server error report (the e-mail to the admins) never shows what a patient wrote.
post_comment = sensitive_post_parameters("name", "email", "website", "body")(
    views.CommentFormView.as_view()
)

urlpatterns = [
    path("articles/<slug:slug>/comments/", post_comment, name="post"),
    path("articles/<slug:slug>/comments/token", views.form_token, name="form-token"),
    path(
        "comments/<int:pk>/report/",
        sensitive_post_parameters("note")(views.ReportView.as_view()),
        name="report",
    ),
    path("comments/<int:pk>/reply/", views.staff_reply, name="staff-reply"),
    path(
        "comments/notices/confirm/<str:token>/",
        views.subscription_confirm,
        name="subscription-confirm",
    ),
    path("comments/notices/stop/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
