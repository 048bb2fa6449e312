"""core/text.py: a Text is its English text to everyone but the UI, which also gets
the template and parameters; exceptions carry it through."""

from __future__ import annotations

import pytest

from i2ptunnel_gui.core.errors import ListenError, TargetError
from i2ptunnel_gui.core.sam.errors import SamUnreachable, error_for_result
from i2ptunnel_gui.core.text import Text, joined, text_of


def test_a_text_is_its_english_string() -> None:
    t = Text("no echo within {seconds:g} s", seconds=2.5)
    assert t == "no echo within 2.5 s" and isinstance(t, str)
    assert (t.template, t.params) == ("no echo within {seconds:g} s", {"seconds": 2.5})
    assert type(str(t)) is str  # str() gives a plain copy: text_of keeps the Text


@pytest.mark.parametrize("error", [TargetError, ListenError, SamUnreachable])
def test_exceptions_keep_their_text(error: type[Exception]) -> None:
    t = Text("cannot listen on {where}: {why}", where="127.0.0.1:1", why="busy")
    e = error(t)
    assert str(e) == "cannot listen on 127.0.0.1:1: busy"
    assert text_of(e) is t


def test_plain_messages_stay_plain() -> None:
    assert text_of(ValueError("router said no")) == "router said no"
    assert not isinstance(text_of(ValueError("x")), Text)
    assert text_of(OSError(111, "Connection refused")) == "[Errno 111] Connection refused"


def test_router_results_nest_texts_and_keep_the_router_words() -> None:
    e = error_for_result("CANT_REACH_PEER", "Host unreachable", context="STREAM CONNECT")
    t = text_of(e)
    assert t == "STREAM CONNECT: peer unreachable (Host unreachable)"
    assert isinstance(t, Text) and t.template == "{text} ({message})"
    inner = t.params["text"]
    assert isinstance(inner, Text) and isinstance(inner.params["what"], Text)
    assert t.params["message"] == "Host unreachable"  # verbatim, never translated


def test_joined_keeps_each_part_translatable() -> None:
    assert joined([]) == "" and joined(["one"]) == "one"
    j = joined([Text("a {x}", x=1), "b", Text("c")])
    assert j == "a 1; b; c"
    assert isinstance(j, Text) and j.params["first"].template == "a {x}"
