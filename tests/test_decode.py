"""Bytes to text for files and pages alike (``ingest.decoding.decode``)."""

import pytest

from newsdistill.ingest.decoding import decode, is_binary

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


def test_a_page_with_a_stray_nul_is_text_and_data_is_not():
    import gzip
    import random

    page = ("<html><head><title>Budget</title></head><body>\x00<p>The council approved the budget."
            "\x00</p></body></html>").encode()
    assert not is_binary(page) and "\x00" not in decode(page, html=True)
    assert decode(page, html=True).startswith("<html><head><title>Budget</title></head><body><p>The council")
    noise = random.Random(7).randbytes(8192)
    packed = gzip.compress(b"The council approved the budget. " * 20)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)
    few_nuls = b"\x01\x02\x03\x04\x05\x06\x00 short binary header \x07\x08\x0e\x0f"
    for data in (noise, packed, png, few_nuls, bytes(range(256)) * 4, b"%PDF-1.7\n" + bytes(range(256))):
        assert is_binary(data), data[:20]
    assert not is_binary("hello".encode("utf-16"))  # a byte-order mark: UTF-16 text
    assert not is_binary(b"plain text without any NUL \x1b at all")
