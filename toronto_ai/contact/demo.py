"""Demo content for the contact page (used by ``seed_demo``)."""

from toronto_ai.home.demo import ensure_child

from .models import ContactPage


def seed(home, log) -> ContactPage:
    page = ensure_child(
        home,
        ContactPage,
        "contact",
        title="Contact",
        intro="<p>Looking to sponsor space, give a talk, or volunteer? Tell us a little and we'll get back to you.</p>",
    )
    log("contact: page ready")
    return page
