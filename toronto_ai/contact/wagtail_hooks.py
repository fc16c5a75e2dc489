from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import ContactSubmissionViewSet, SubmissionPermissionPolicy
from .models import ContactSubmission

register_permission_policy(ContactSubmission, SubmissionPermissionPolicy(ContactSubmission))


@hooks.register("register_admin_viewset")
def register_contact_submissions():
    return ContactSubmissionViewSet()
