"""The Chinese translation file: complete, current with the sources, compiled, consistent with
the glossary; and the engine's messages all in the catalogue that translates them."""

import dataclasses
import re
import shutil
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QTranslator

import engine
from engine import examples, presets
from gui.i18n import engine_messages
from tests.gui.i18n.engine_templates import engine_templates
from tools import translations

GLOSSARY = translations.TS.parent / "glossary_zh_CN.tsv"


class Translation:
    """A message's translation: ``text`` (the plural forms joined), ``type`` (unfinished,
    obsolete, vanished or None)."""

    def __init__(self, element):
        forms = element.findall("numerusform")
        self.plural = bool(forms)
        self.text = " ".join(f.text or "" for f in forms) if forms else element.text or ""
        self.type = element.get("type")


def messages(ts=translations.TS):
    """[(context, source, Translation)] of a .ts file."""
    root = ET.parse(ts).getroot()
    return [(context.findtext("name"), message.findtext("source"),
             Translation(message.find("translation")))
            for context in root.iter("context") for message in context.iter("message")]


def glossary():
    rows = [line.split("\t") for line in GLOSSARY.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return [(english, chinese.split("|")) for english, chinese, _ in rows]


def test_every_entry_is_translated_and_none_is_obsolete():
    bad = [(context, source, translation.type) for context, source, translation in messages()
           if translation.type or not translation.text.strip()]
    assert bad == [], "run `make translations` and translate these:\n" + "\n".join(map(str, bad))


def test_the_ts_holds_exactly_the_strings_of_the_sources(tmp_path):
    fresh = tmp_path / "fresh.ts"
    shutil.copy(translations.TS, fresh)
    translations.update(fresh, drop_obsolete=False)
    new = [(context, source, translation.type) for context, source, translation in messages(fresh)
           if translation.type]
    assert new == [], "the sources and the .ts differ: run `make translations`"
    assert len(messages(fresh)) == len(messages())


def test_the_committed_qm_holds_every_translation_of_the_ts(qapp):
    # Compared by content, not bytes: another lrelease may lay the file out differently.
    committed = QTranslator()
    assert committed.load(str(translations.QM))
    for context, source, translation in messages():
        n = 2 if translation.plural else -1
        text = committed.translate(context, source, None, n)
        assert text == translation.text, f"run `make translations`: {context}: {source!r}"


def test_placeholders_markup_and_accelerators_survive_translation():
    for context, source, translation in messages():
        text = translation.text
        where = f"{context}: {source!r}"
        assert sorted(re.findall(r"%\d", text)) == sorted(re.findall(r"%\d", source)), where
        assert sorted(re.findall(r"</?\w+", text)) == sorted(re.findall(r"</?\w+", source)), where
        assert ("&" in re.sub(r"&\w+;", "", source)) == ("&" in re.sub(r"&\w+;", "", text)), where


IDEOGRAPH = r"[\u3400-\u4dbf\u4e00-\u9fff]"


def test_chinese_is_spaced_as_chinese_is():
    """No space between two Chinese words, and none around a placeholder next to one: fill()
    spaces a value that is a number or a Latin word, and keeps a Chinese one closed up."""
    spaced = re.compile(rf"{IDEOGRAPH} +(?:{IDEOGRAPH}|%\d)|%\d +{IDEOGRAPH}")
    bad = [(context, translation.text) for context, _, translation in messages()
           if spaced.search(translation.text)]
    assert bad == [], "\n".join(f"{context}: {text!r}" for context, text in bad)


@pytest.mark.parametrize("english, chinese", glossary())
def test_the_glossary_term_is_used_wherever_its_english_is(english, chinese):
    word = re.compile(rf"\b{re.escape(english)}s?\b", re.IGNORECASE)
    uses = [(source, translation.text) for _, source, translation in messages()
            if word.search(re.sub(r"<[^>]+>", "", source))]
    assert uses, f"no string says {english}"
    astray = [(s, t) for s, t in uses if not any(term in t for term in chinese)]
    assert astray == [], f"{english} should read {' or '.join(chinese)}:\n" + "\n".join(
        f"{s!r} -> {t!r}" for s, t in astray)


def test_a_sample_of_concept_strings_use_the_tutorials_terms():
    by_source = {source: translation.text for context, source, translation in messages()
                 if context == "Concepts"}
    for source, terms in [("Cross-correlation vs convolution", ["互相关", "卷积"]),
                          ("Weight sharing and local connectivity", ["权重共享", "局部连接"]),
                          ("Feature maps (activation maps)", ["特征图", "激活图"]),
                          ("Template matching: X and O", ["模板匹配"]),
                          ("Depth and channels", ["深度", "通道"])]:
        assert all(term in by_source[source] for term in terms), source
    pooling = next(t for s, t in by_source.items() if s.startswith("Pooling summarises"))
    assert "最大池化" in pooling and "平均池化" in pooling
    padding = next(t for s, t in by_source.items() if s.startswith("Without padding"))
    assert "零填充" in padding and "步长" in padding


def test_every_engine_message_is_in_the_catalogue():
    # WORDS too: a word a helper puts into its message ("computes its %1 …" with "weights")
    catalogue = set(engine_messages.MESSAGES + engine_messages.WORDS)
    missing = {t: where for t, where in engine_templates().items() if t not in catalogue}
    assert missing == {}, "add to gui/i18n/engine_messages.py MESSAGES or WORDS:\n" + "\n".join(
        f"{where}: {t!r}" for t, where in missing.items())


def test_the_messages_a_helper_hands_on_are_found():
    """onnx_io refuses a node through ``_refuse(why)``, and names a missing weight through
    ``_constant(name, what)``: their callers' texts are messages too."""
    found = engine_templates()
    assert "is not two-dimensional; ConvScope shows 2-D images" in found
    assert "computes its %1 instead of storing it; ConvScope needs stored weights " \
           "(initializers or Constant nodes)" in found
    assert {"fill value", "target shape"} <= set(found)


def test_the_onnx_operations_listed_in_a_refusal_are_in_the_catalogue():
    # a constant filled into "… it reads %1": a value, which the finder does not read
    onnx_io = pytest.importorskip("engine.onnx_io")
    assert onnx_io.SUPPORTED in engine_messages.WORDS


def test_every_lesson_and_preset_text_is_in_the_catalogue():
    texts = [t for e in examples.EXAMPLES.values()
             for t in (e.title, e.description, e.look, e.question) if t]
    texts += [t for p in presets.PRESETS.values() for t in (p.title, p.description) if t]
    missing = [t for t in texts if t not in engine_messages.LESSONS]
    assert missing == [], "add to gui/i18n/engine_messages.py LESSONS:\n" + "\n".join(missing)


def test_every_layer_kind_text_is_in_the_catalogue():
    texts = []
    for cls in engine.LAYER_TYPES.values():
        spec = cls(**(cls.template or {}))
        texts += [cls.title, spec.summary]
        texts += [f.metadata[key] for f in dataclasses.fields(cls)
                  for key in ("label", "tooltip") if f.metadata.get(key)]
    missing = [t for t in texts if t not in engine_messages.SPECS]
    assert missing == [], "add to gui/i18n/engine_messages.py SPECS:\n" + "\n".join(missing)
