"""Demo content for the contact page (used by ``seed_demo``)."""

from toronto_ai.home.demo import ensure_child

from .models import ContactPage

INTRO = (
    "<p>Looking to sponsor space, give a talk, or volunteer? Tell us a little and we'll get back to you.</p>"
    "<p>Venues and sponsors keep our meetups free; speakers make them worth coming to; volunteers "
    "run the door, the microphones and the snacks. Pick what your note is about and it goes "
    "straight to the organisers who handle it.</p>"
)
THANK_YOU_TITLE = "Thanks, your message is with the organisers"
THANK_YOU_TEXT = (
    "<p>We read every message. Someone from the team will reply by e-mail, usually within a few "
    "days; it can take a little longer in the week of a meetup.</p>"
    "<p>A short confirmation is on its way to your inbox as well.</p>"
)


def seed(home, log) -> ContactPage:
    page = ensure_child(
        home,
        ContactPage,
        "contact",
        title="Contact",
        intro=INTRO,
        thank_you_title=THANK_YOU_TITLE,
        thank_you_text=THANK_YOU_TEXT,
    )
    if not page.thank_you_text:  # created before the thank-you fields existed
        page.intro = INTRO
        page.thank_you_title = THANK_YOU_TITLE
        page.thank_you_text = THANK_YOU_TEXT
        page.save_revision().publish()
    log("contact: page ready")
    return page
