from django import forms

from toronto_ai.contact.spam import SpamProtectedFormMixin

from .models import Comment


class CommentForm(SpamProtectedFormMixin, forms.ModelForm):
    """A reader's comment or reply; the shared honeypot and time trap come from the mixin."""

    spam_scope = "comment"
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Comment
        fields = ["name", "email", "body"]
        labels = {"body": "Comment", "email": "E-mail (never shown)"}
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, post=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.post = post
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_parent(self) -> Comment | None:
        """Replies go one level deep, under an approved comment of the same post."""
        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            return None
        parent = Comment.objects.approved().filter(post=self.post, pk=parent_id, parent__isnull=True).first()
        if parent is None:
            raise forms.ValidationError("The comment you are replying to is no longer available.")
        return parent

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError("Please write a comment.")
        return body
