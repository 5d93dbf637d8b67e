"""Click's own words (Usage:, Error:, Missing argument, Aborted! …) in the chosen language.

Click marks its strings for gettext (``_("Missing argument")``) and looks them up in
gettext's global domain. gk binds a small :class:`gettext.NullTranslations` of its own
into Click's modules instead: a dictionary lookup, no .mo files searched at start-up.
The msgids are those of the installed Click; tests/test_clickzh.py checks each one is
still in Click's source, so an upgrade that renames one fails a test instead of
silently showing English.
"""

from __future__ import annotations

import gettext
import importlib

# Click's msgid -> Chinese. Placeholders are kept exactly.
# msgids of a newer Click than gk's floor (8.4): missing from the installed Click is fine
NEWER_THAN_FLOOR = ("Positional arguments",)

ZH: dict[str, str] = {
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行 '{command} {option}' 查看帮助。",
    "Invalid value: {message}": "取值无效：{message}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的取值无效：{message}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "No such option {name!r}.": "没有这个选项 {name!r}。",
    "No such command {name!r}.": "没有这个命令 {name!r}。",
    "Missing command.": "缺少命令。",
    "Aborted!": "已取消。",
    "Error: invalid input": "错误：输入无效",
    "env var: {var}": "环境变量：{var}",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在 {range} 范围内。",
    "Option {name!r} does not take a value.": "选项 {name!r} 不需要取值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
}

# (singular, plural) -> Chinese (which has one form)
ZH_PLURAL: dict[tuple[str, str], str] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        "多余的参数（{args}）",
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        "（是不是 {possibilities}？）",
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        "选项 {name!r} 需要取值。",
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        "{value!r} 不是可选的值（可选：{choices}）。",
}

# Click's modules that bind gettext's functions at import
MODULES = ("core", "exceptions", "formatting", "decorators", "parser", "types", "termui")

# Click's usage words that are not marked for translation
USAGE_ZH = {"[OPTIONS]": "[选项]", "COMMAND [ARGS]...": "命令 [参数]...",
            "[COMMAND] [ARGS]...": "[命令] [参数]..."}

_lang = ["zh"]


# Click's values that reach a Chinese sentence through .format() (IntParamType.name …)
NUMBER_TYPES = {"integer": "整数", "float": "数字", "integer range": "整数", "float range": "数字"}


class _Chinese(str):
    """A translation whose ``.format()`` also puts Click's own values in Chinese: the number
    type it names (``integer``) and the ASCII full stop it appends after a message."""

    __slots__ = ()

    def format(self, *args: object, **kwargs: object) -> str:
        kind = kwargs.get("number_type")
        if isinstance(kind, str):
            kwargs["number_type"] = NUMBER_TYPES.get(kind, kind)
        message = kwargs.get("message")
        if isinstance(message, str) and message.endswith(".") and not message.endswith(".."):
            kwargs["message"] = message[:-1] + "。"
        return str.format(self, *args, **kwargs)


class Translations(gettext.NullTranslations):
    """Click's messages in Chinese; any other language is Click's own English."""

    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def gettext(self, message: str) -> str:
        if self.lang != "zh" or message not in ZH:
            return message
        return _Chinese(ZH[message])

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        if self.lang == "zh":
            found = ZH_PLURAL.get((msgid1, msgid2))
            if found is not None:
                return found
        return msgid1 if n == 1 else msgid2


def install(lang: str) -> None:
    """Bind Click's messages to ``lang`` (zh or en), and remember it for gk's --help."""
    _lang[0] = lang
    _bind(Translations(lang))


def bind_untranslated() -> None:
    """Click's words as Click writes them, while gk's commands are built at import.

    Click says some words as options are made (``click.Path`` names itself ``_("file")``);
    through gettext each asks for a catalogue on disk and loads :mod:`locale`, for an
    answer that is Click's English anyway. :func:`install` binds the chosen language once
    the command line is read, before anything is shown.
    """
    _bind(Translations("en"))


def _bind(translations: Translations) -> None:
    for name in MODULES:
        module = importlib.import_module(f"click.{name}")
        for attr, value in (("_", translations.gettext), ("ngettext", translations.ngettext)):
            if hasattr(module, attr):
                setattr(module, attr, value)


def lang() -> str:
    return _lang[0]
