"""Reader comments on posts: held for moderation, guarded by the site's shared spam defences
(``toronto_ai.contact.spam``)."""
