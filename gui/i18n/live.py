"""Switching the interface language live: English (the source texts) or 简体中文.

Qt's own machinery does the work. Every user-visible string goes through ``tr()`` or
``QCoreApplication.translate``; ``resources/translations/convscope_zh_CN.qm`` holds our Chinese
texts and Qt's ``qtbase_zh_CN.qm`` the standard dialogs' (file dialogs, message-box buttons).
``set_language`` installs or removes those translators and makes the language's QLocale the
default (dates in Qt's dialogs, the names of file types); Qt then sends every widget a
``LanguageChange`` event, and the texts registered with ``bind_text`` or ``on_language_change``
are set again, so a switch needs no restart. Both languages write numbers with a decimal point,
so the arithmetic reads the same.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator,
)

from gui.callbacks import detached

ENGLISH, CHINESE = "en", "zh_CN"
#: each language named in itself, so that a user can find theirs whatever is showing
LANGUAGES = {ENGLISH: "English", CHINESE: "简体中文"}
SETTINGS_KEY = "language"
TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
_TRANSLATOR = "convscopeTranslator"  # objectName of the translators set_language installs


def system_language(locale=None):
    """The language to start in for ``locale`` (default: the system's, from LC_ALL / LANG):
    Chinese for any Chinese locale (Simplified is closer to a Traditional reader than English),
    else English."""
    locale = QLocale.system() if locale is None else locale
    return CHINESE if locale.language() == QLocale.Chinese else ENGLISH


def start_language(settings=None):
    """The language chosen in View ▸ Language and remembered in ``settings``, else the system's."""
    chosen = None if settings is None else settings.value(SETTINGS_KEY)
    return chosen if chosen in LANGUAGES else system_language()


def current_language():
    """The language ``set_language`` last installed (English before any call)."""
    return QCoreApplication.instance().property(SETTINGS_KEY) or ENGLISH


def set_language(language):
    """Show the interface in ``language`` (a key of ``LANGUAGES``) from now on; returns False
    (and shows English) when its translation files cannot be loaded."""
    app = QCoreApplication.instance()
    for old in app.findChildren(QTranslator, _TRANSLATOR):
        app.removeTranslator(old)
        old.setParent(None)  # dropped with its last reference
    loaded = language == ENGLISH or _install(app, language)
    shown = language if loaded else ENGLISH
    app.setProperty(SETTINGS_KEY, shown)
    QLocale.setDefault(language_locale(shown))
    # Qt posts the windows their LanguageChange; deliver it now, so that every text has
    # followed by the time this returns.
    QCoreApplication.sendPostedEvents(None, QEvent.LanguageChange)
    return loaded


def language_locale(language, system=None):
    """The QLocale that formats dates and numbers for ``language``: the ``system``'s (default:
    this machine's) when it speaks that language (its own territory's conventions), else the
    language's usual one (a German system shows English with a decimal point, as the app's
    arithmetic is written)."""
    system = QLocale.system() if system is None else system
    return system if system.language() == QLocale(language).language() else QLocale(language)


def _install(app, language):
    ours = QTranslator(app, objectName=_TRANSLATOR)
    if not ours.load(f"convscope_{language}", str(TRANSLATIONS)):
        return False
    qt = QTranslator(app, objectName=_TRANSLATOR)
    # Qt's own texts are a bonus: without them the standard dialogs stay English.
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt)
    app.installTranslator(ours)  # installed last, so it is asked first
    return True


class _LanguageWatcher(QObject):
    """Runs its widget's language callbacks whenever the widget is told that the language
    changed. It keeps them as functions of the widget (``gui.callbacks.detached``), never the
    widget itself: it is the widget's child, and a cycle would keep a dropped widget alive."""

    def __init__(self, widget):
        super().__init__(widget, objectName="languageWatcher")
        self.callbacks = []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.LanguageChange:
            for callback in self.callbacks:
                callback(watched)
        return False


def on_language_change(widget, callback):
    """Call ``callback`` whenever the interface language changes while ``widget`` lives: for
    texts computed from the state (re-run the method that formats them). ``callback`` is a
    bound method (``self._retranslate``) or a function of the widget (``lambda self: ...``)."""
    watcher = next((c for c in widget.children() if isinstance(c, _LanguageWatcher)), None)
    if watcher is None:
        watcher = _LanguageWatcher(widget)
    watcher.callbacks.append(detached(widget, callback))


def translator(context):
    """``text -> translation`` in ``context``: for the Qt-free helpers that take ``tr``."""
    return partial(QCoreApplication.translate, context)


def bind_text(widget, setter, text):
    """``setter(text(widget))`` now and again after every language change: a fixed text that
    follows the language, e.g. ``bind_text(self, clear.setText, lambda self: self.tr("Clear"))``.
    ``setter`` is a bound method or a function of the widget and the text; ``text`` a function
    of the widget (as in ``on_language_change``)."""
    set_text, text = detached(widget, setter), detached(widget, text)
    set_text(widget, text(widget))
    on_language_change(widget, lambda widget: set_text(widget, text(widget)))
