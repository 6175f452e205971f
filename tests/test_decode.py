"""Bytes to text for files and pages alike (``ingest.files.decode``)."""

import pytest

from newsdistill.ingest.files import decode

SAMPLES = [
    ("café naïve and the résumé", "latin-1"),
    ("Le président a annoncé jeudi une réforme des retraites très attendue.", "cp1252"),
    ("Die Bürger wählten am Sonntag ein neues Parlament, größer als je zuvor.", "latin-1"),
    ("“Smart quotes” – and a dash… for €5", "cp1252"),
    ("Привет, как дела? Это тестовая статья о новостях.", "cp1251"),
    ("Ελληνικά νέα σήμερα από την Αθήνα", "cp1253"),
    ("中国经济增长放缓，专家表示", "gb2312"),
    ("日本の経済ニュースです。", "shift_jis"),
    ("Příliš žluťoučký kůň úpěl ďábelské ódy.", "cp1250"),
    ("Zażółć gęślą jaźń, może jutro.", "cp1250"),
    ("Türkiye’de seçim sonuçları açıklandı, şaşırtıcı.", "cp1254"),
]


@pytest.mark.parametrize("text,encoding", SAMPLES)
def test_undeclared_encodings_are_guessed(text, encoding):
    assert decode(text.encode(encoding)) == text


def test_short_latin1_is_not_read_as_a_baltic_codepage():
    assert decode(b"caf\xe9 na\xefve") == "café naïve"


def test_declared_charset_wins_and_browser_aliases_apply():
    assert decode("naïve – “quoted”".encode("cp1252"), declared="ISO-8859-1") == "naïve – “quoted”"
    html = '<meta charset="gb2312"><p>中国经济增长放缓，专家表示</p>'
    assert "中国经济" in decode(html.encode("gb18030"), html=True)
    assert decode(b'<meta charset="utf-16"><p>plain</p>', html=True) == '<meta charset="utf-16"><p>plain</p>'
    assert decode("ok ✓".encode("utf-8"), declared="no-such-charset") == "ok ✓"


def test_byte_order_marks():
    assert decode("\ufeffhello".encode("utf-8")) == "hello"
    assert decode("hello".encode("utf-16")) == "hello"
