from django import template
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context) -> dict:
    """Top-level pages marked "show in menus", with the current section flagged."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    items = []
    if site:
        current_path = request.path
        for page in site.root_page.get_children().live().in_menu().only("id", "title", "url_path", "path", "depth"):
            url = page.get_url(request=request) or "#"
            items.append({"title": page.title, "url": url, "active": current_path.startswith(url) and url != "/"})
    return {"items": items}
