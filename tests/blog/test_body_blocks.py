import pytest
import responses
from bs4 import BeautifulSoup
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.rich_text import RichText

pytestmark = pytest.mark.django_db


def body_of(client, post) -> BeautifulSoup:
    response = client.get(post.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".post__body")


def test_code_is_highlighted_on_the_server(client, publish_post):
    post = publish_post("Code", body=[("code", {"language": "python", "source": "def f(x):\n    return x < 2\n"})])
    body = body_of(client, post)
    assert body.select_one(".highlight .k").get_text() == "def"
    assert "return x < 2" in body.select_one(".highlight").get_text()
    assert body.find("script") is None


def test_inline_and_display_maths_become_mathml(client, publish_post):
    post = publish_post(
        "Maths",
        body=[
            ("paragraph", RichText("<p>Energy is $E = mc^2$ and a coffee costs $5 or $6.</p>")),
            ("math", {"latex": r"\sum_{i=1}^{n} x_i"}),
        ],
    )
    body = body_of(client, post)
    inline = body.find("math", attrs={"display": "inline"})
    assert inline is not None and inline.find("msup") is not None
    assert "$E = mc^2$" not in body.get_text()
    assert "costs $5 or $6" in body.get_text()
    assert body.select_one(".math-display math[display=block]") is not None


@pytest.mark.parametrize("latex", [r"\frac{1}{", r"\notacommand{x}", r"\left( x", "x_"])
def test_invalid_latex_shows_its_source_instead_of_failing(client, publish_post, latex):
    post = publish_post("Broken maths", body=[("math", {"latex": latex}), ("paragraph", RichText(f"<p>${latex}$</p>"))])
    errors = body_of(client, post).select(".math-error")
    assert [e.get_text() for e in errors] == [f"$${latex}$$", f"${latex}$"]


def test_figure_renders_image_with_alt_text_and_caption(client, publish_post, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = Image.objects.create(title="Chart", file=get_test_image_file())
    post = publish_post("Figure", body=[("image", {"image": image, "alt": "A rising line", "caption": "Accuracy"})])
    figure = body_of(client, post).select_one("figure.post-figure")
    assert figure.find("img")["alt"] == "A rising line"
    assert figure.find("figcaption").get_text() == "Accuracy"


def test_figure_alt_text_is_required():
    from django.core.exceptions import ValidationError

    from blog.blocks import FigureBlock

    block = FigureBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": None, "alt": "", "caption": ""}))


def test_quote_and_table_render(client, publish_post):
    table = {
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "data": [["Model", "F1"], ["Base", "0.81"]],
    }
    post = publish_post(
        "Quote and table",
        body=[
            ("quote", {"text": "Measure twice.", "attribution": "A carpenter"}),
            ("table", {"caption": "Scores", "table": table}),
        ],
    )
    body = body_of(client, post)
    assert body.select_one("blockquote").get_text(strip=True) == "Measure twice."
    assert "A carpenter" in body.select_one(".post-quote figcaption").get_text()
    assert [th.get_text(strip=True) for th in body.select("table th")] == ["Model", "F1"]
    assert body.select_one(".post-table figcaption").get_text() == "Scores"


@responses.activate
def test_embed_that_cannot_be_fetched_degrades_to_a_link(client, publish_post):
    responses.get("https://www.youtube.com/oembed", status=404)
    url = "https://www.youtube.com/watch?v=abc123XYZ00"
    post = publish_post("Video", body=[("embed", {"url": url, "title": "Our talk on video"})])
    link = body_of(client, post).select_one(".post-embed--link a")
    assert link["href"] == url and link.get_text() == "Our talk on video"


@responses.activate
def test_embed_renders_the_provider_player_when_available(client, publish_post):
    responses.get(
        "https://www.youtube.com/oembed",
        json={"type": "video", "html": '<iframe src="https://www.youtube.com/embed/abc"></iframe>', "title": "Talk"},
    )
    post = publish_post("Video", body=[("embed", {"url": "https://www.youtube.com/watch?v=abc123XYZ00", "title": ""})])
    assert body_of(client, post).select_one(".post-embed iframe") is not None
