"""After an export the status bar says where it went, and *Open folder* opens that folder."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QFileDialog

from facilitator_app.gui.dialogs.export import ExportDialog
from facilitator_app.gui.files import export_notice


class FakeDesktop:
    """Stands in for QDesktopServices: records the URLs it was asked to open."""

    def __init__(self) -> None:
        self.opened: list[QUrl] = []

    def openUrl(self, url: QUrl) -> bool:
        self.opened.append(url)
        return True


def save_as(monkeypatch, path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(path), ""))
    )


def check_notice(window, qtbot, monkeypatch, target) -> None:
    notice = window.export_notice
    assert notice.isVisible()
    assert str(target) in notice.label.text()
    assert notice.label.text().startswith("Exported to")
    desktop = FakeDesktop()
    monkeypatch.setattr(export_notice, "QDesktopServices", desktop)
    qtbot.mouseClick(notice.open_button, Qt.MouseButton.LeftButton)
    assert desktop.opened == [QUrl.fromLocalFile(str(target.parent))]


def test_export_json_says_where_and_opens_the_folder(window, qtbot, monkeypatch, tmp_path):
    assert not window.export_notice.isVisible()
    target = tmp_path / "out" / "porada.json"
    target.parent.mkdir()
    save_as(monkeypatch, target)
    window.actionExportJson.trigger()
    assert target.exists()
    check_notice(window, qtbot, monkeypatch, target)


def test_export_minutes_says_where_and_opens_the_folder(window, qtbot, monkeypatch, tmp_path):
    target = tmp_path / "zápis.md"
    save_as(monkeypatch, target)

    def answer(dialog: ExportDialog) -> int:  # the facilitator picks Markdown and exports
        dialog.format.setCurrentIndex(dialog.format.findData(".md"))
        dialog.export()
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", answer)
    window.actionExportMinutes.trigger()
    assert target.exists()
    check_notice(window, qtbot, monkeypatch, target)


def test_a_cancelled_export_says_nothing(window, monkeypatch):
    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: 0)
    window.actionExportMinutes.trigger()
    assert not window.export_notice.isVisible()


def test_numbered_minutes_from_the_dialog(window, qtbot, monkeypatch, tmp_path):
    """*Number the activities* gives numbered minutes: the codes before the activities."""
    target = tmp_path / "číslovaný.md"
    save_as(monkeypatch, target)

    def answer(dialog: ExportDialog) -> int:
        assert dialog.numbered.accessibleName() == "Number the activities"
        assert not dialog.options().numbered
        dialog.numbered.setChecked(True)
        assert dialog.options().numbered
        dialog.format.setCurrentIndex(dialog.format.findData(".md"))
        dialog.export()
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", answer)
    window.actionExportMinutes.trigger()
    text = target.read_text(encoding="utf-8")
    assert "\n- 1.1 " in text
    assert "Čísla aktivit odpovídají stromu aktivit z jednání dne" in text
