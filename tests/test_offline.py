"""Offline, proven: a listener on 127.0.0.1 counts connections while briefgen
renders, checks, imports, previews and exports (PDF) a template with an
external image and an INCLUDEPICTURE field pointing at it."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading

import pytest
from hostile import REL, linked_picture, plain_template, split_field, with_body, with_relationship

from briefgen import convert, wordpolicy
from briefgen.cli import main
from briefgen.errors import OutputError
from briefgen.preview import docx_to_html

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


class Listener:
    """A TCP listener on 127.0.0.1 that accepts and counts connections."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.1)
        self.port = self.server.getsockname()[1]
        self.connections = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                client, _ = self.server.accept()
            except TimeoutError:
                continue
            self.connections += 1
            client.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=5)
        self.server.close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


def hostile_template(port: int) -> bytes:
    data = with_relationship(plain_template("{{ title }}"), "rId90", f"{REL}image",
                             f"http://127.0.0.1:{port}/pixel.png")
    data = with_body(data, linked_picture("rId90"))
    return with_body(data, split_field(f' INCLUDEPICTURE "http://127.0.0.1:{port}/p.png" \\d '))


def harmless_template(port: int) -> bytes:
    """A web hyperlink to the listener: allowed, it only opens on a click."""
    return with_relationship(plain_template("{{ title }}"), "rId91", f"{REL}hyperlink",
                             f"http://127.0.0.1:{port}/clicked")


def test_nothing_reaches_the_network(listener, capsys, sample_path, tmp_path):
    template = tmp_path / "pixel.docx"
    template.write_bytes(hostile_template(listener.port))
    refused = (f"briefgen: error: pixel: word/_rels/document.xml.rels, relationship rId90: the "
               "template links to an "
               f"external file (http://127.0.0.1:{listener.port}/pixel.png, image): templates may "
               "not load outside content (insert the picture itself instead of a link to it)\n")
    for out in ("memo.docx", "memo.pdf"):
        assert main(["render", str(sample_path), "-t", str(template), "-o",
                     str(tmp_path / out)]) == 1
        assert capsys.readouterr().err == refused
    assert main(["check", str(template)]) == 1
    problems = capsys.readouterr().out.splitlines()
    assert [p.split(": ")[1] for p in problems] == [
        "word/_rels/document.xml.rels, relationship rId90",
        "word/document.xml, paragraph 2", "word/document.xml, paragraph 3"]
    brief = tmp_path / "imported.brief.json"
    assert main(["import", str(template), "-o", str(brief)]) == 0      # text only
    assert "127.0.0.1" not in brief.read_text(encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        docx_to_html(template.read_bytes())
    assert str(caught.value).startswith("preview: word/_rels/document.xml.rels, relationship "
                                        "rId90: the document links to an external file")
    with pytest.raises(OutputError) as caught:
        convert.docx_to_pdf(template, tmp_path / "direct.pdf")
    assert str(caught.value).startswith(f"{template}: word/_rels/document.xml.rels, "
                                        "relationship rId90: the document links to an "
                                        "external file")
    assert listener.connections == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["imported.brief.json", "pixel.docx"]


def test_a_web_hyperlink_is_kept_and_never_followed(listener, capsys, sample_path, tmp_path):
    template = tmp_path / "linked.docx"
    template.write_bytes(harmless_template(listener.port))
    out = tmp_path / "memo.docx"
    assert main(["render", str(sample_path), "-t", str(template), "-o", str(out)]) == 0
    assert main(["check", str(template)]) == 0
    assert "<p>" in docx_to_html(out.read_bytes()).html
    capsys.readouterr()
    assert listener.connections == 0


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice is not installed")
def test_libreoffice_runs_offline_even_without_the_policy(listener, tmp_path, monkeypatch):
    """LibreOffice on its own fetches the linked picture (the control); the
    conversion's profile stops it even when the policy is switched off."""
    source = tmp_path / "pixel.docx"
    source.write_bytes(hostile_template(listener.port))
    profile = (tmp_path / "default-profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path / "control"), str(source)],
                   capture_output=True, timeout=120, check=True)
    assert listener.connections > 0
    listener.connections = 0
    monkeypatch.setattr(wordpolicy, "enforce", lambda *args, **kwargs: None)
    pdf = convert.docx_to_pdf(source, tmp_path / "out.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert listener.connections == 0

