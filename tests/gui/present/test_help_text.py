"""Help texts: every concept the course needs is explained, and the README lists the same keys."""

from pathlib import Path

from gui.present.help_text import CONCEPTS, SHORTCUTS, concepts_html, shortcuts_html

README = Path(__file__).resolve().parents[3] / "README.md"


def test_every_concept_is_explained_and_linked():
    titles = " ".join(title.lower() for _, title, _ in CONCEPTS)
    for concept in ("convolution", "kernel size", "channels", "stride", "padding", "dilation",
                    "weight sharing", "local connectivity", "feature maps", "pooling",
                    "receptive field", "template matching", "learned filters"):
        assert concept in titles
    html = concepts_html()
    for anchor, title, body in CONCEPTS:
        assert f'href="#{anchor}"' in html and f'name="{anchor}"' in html
        assert 150 < len(body) < 900, f"{title}: keep it a short paragraph"


def test_shortcuts_page_and_readme_agree():
    readme = README.read_text(encoding="utf-8")
    for keys, what in SHORTCUTS:
        assert keys in shortcuts_html()
        assert f"| {keys} | {what} |" in readme, f"README lacks the row for {keys}"
