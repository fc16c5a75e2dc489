from django.db import models
from django.utils import timezone

from toronto_ai.contact.spam import SpamReason


class CommentQuerySet(models.QuerySet):
    def approved(self) -> "CommentQuerySet":
        """Shown under the post."""
        return self.filter(approved=True, is_spam=False)

    def pending(self) -> "CommentQuerySet":
        """Waiting for an editor."""
        return self.filter(approved=False, is_spam=False)

    def spam(self) -> "CommentQuerySet":
        return self.filter(is_spam=True)


class Comment(models.Model):
    """A reader's comment on a post. Editors approve it before anyone sees it; rejected ones are
    kept as spam. The e-mail address is for editors only and is never shown."""

    post = models.ForeignKey("blog.BlogPostPage", on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        help_text="The comment replied to",
    )
    name = models.CharField(max_length=80)
    email = models.EmailField(max_length=254, help_text="Never shown on the site")
    body = models.TextField(max_length=4000, help_text="Plain text")
    created = models.DateTimeField(default=timezone.now, db_index=True)
    ip_hash = models.CharField(max_length=64, blank=True, editable=False)
    approved = models.BooleanField(default=False)
    is_spam = models.BooleanField(default=False)
    spam_reason = models.CharField(max_length=20, choices=SpamReason.choices, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created", "pk"]
        indexes = [models.Index(fields=["post", "approved", "created"], name="blog_comment_post_shown")]

    def __str__(self) -> str:
        return f"{self.name} on “{self.post.title}”"

    @property
    def shown(self) -> bool:
        return self.approved and not self.is_spam

    def changes_public_pages(self, created: bool, deleted: bool) -> bool:
        """For the page cache (toronto_ai/ops/signals.py): a new comment waits for moderation and
        changes nothing; an editor's change, or deleting a shown comment, does."""
        if created or deleted:
            return self.shown
        return True

    @property
    def status(self) -> str:
        if self.is_spam:
            return "spam"
        return "approved" if self.approved else "pending"
