"""A video in a post fills the text column in the provider's shape, on a phone as on a desktop:
providers send players of a fixed pixel size, and the strict CSP allows no inline style to fix it."""

import pytest

pytestmark = pytest.mark.browser

POST = "/blog/what-we-learned-running-llms-on-a-laptop/"  # the demo post with a video


def _provider_sends(url: str, width: int, height: int) -> None:
    """What the provider's oEmbed answer would store (the sandbox cannot reach YouTube)."""
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    player = f'<iframe src="about:blank" width="{width}" height="{height}" title="Talk recording"></iframe>'
    Embed.objects.update_or_create(
        hash=get_embed_hash(url),
        defaults={"url": url, "type": "video", "html": player, "width": width, "height": height},
    )


# (viewport width, the player size the provider sends, the shape it should keep: height / width)
CASES = [(390, (200, 113), 9 / 16), (1280, (200, 113), 9 / 16), (390, (640, 480), 3 / 4), (1280, (480, 854), 16 / 9)]


def test_video_fills_the_column_in_its_own_shape(page, seeded_site):
    page.goto(POST)
    video_url = page.locator(".post-embed--link a").get_attribute("href")  # offline: a link for now
    for viewport_width, provider_size, shape in CASES:
        _provider_sends(video_url, *provider_size)
        page.set_viewport_size({"width": viewport_width, "height": 900})
        page.reload()
        player = page.locator(".post-embed iframe").bounding_box()
        column = page.locator(".post__body").bounding_box()
        case = f"{provider_size} at {viewport_width}px: {player}"
        if shape > 1:  # a tall (phone-shot) video is not stretched to a desktop column's width
            assert 250 <= player["width"] <= min(column["width"], 360), case
        else:
            assert abs(player["width"] - column["width"]) <= 1, case
        assert abs(player["height"] - player["width"] * shape) <= 2, case
        assert viewport_width >= player["x"] + player["width"], case  # nothing sticks out on a phone
