from django import template
from wagtail.models import Site

from toronto_ai.home.frame import menu_items

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context) -> dict:
    """Top-level pages marked "show in menus", with the current section flagged."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if not site:
        return {"items": []}
    path = request.path
    items = [{**item, "active": item["url"] != "/" and path.startswith(item["url"])} for item in menu_items(site)]
    return {"items": items}
