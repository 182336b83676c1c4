"""File ▸ Region summary…: many groups' meetings merged into one .xlsx or .docx (summary/).

The office lists the files (any mix of workshops, JSON and .docx minutes: each a group's
meeting), chooses the language and whether it is the public version, then where the summary
goes. The files are read and the summary written off the window's thread, with a progress
bar and Cancel; a cancelled summary writes nothing. Afterwards one message says what was
written, and its details list the files left out with their reasons and the persons whose
match across groups is uncertain, for the office to decide. No workshop needs to be open;
the open one is saved first so that its file says what the window shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.gui.core.icons import icon
from facilitator_app.gui.core.text import arg, refusal_text, translated
from facilitator_app.gui.core.workers import CancellableThread
from facilitator_app.gui.files.choose import chosen_to_open_many, chosen_to_save
from facilitator_app.workshop.errors import WorkshopError
from facilitator_app.workshop.progress import Cancelled

if TYPE_CHECKING:
    from facilitator_app.gui.main_window import MainWindow
    from facilitator_app.summary import Summary

SHOW_AFTER_MS = 400  # a summary of a few files is written without the progress dialog


translate = QCoreApplication.translate  # the texts' context: "RegionSummary"


def add_region_summary_action(window: MainWindow) -> QAction:
    """File ▸ Region summary…, below Export JSON…; enabled with or without a workshop."""
    action = QAction(icon("export"), translate("RegionSummary", "Region &summary…"), window)
    action.setObjectName("actionRegionSummary")
    tip = translate(
        "RegionSummary",
        "Merge many groups' meetings (workshops, JSON or .docx minutes) into one Excel "
        "workbook or Word document for the regional office",
    )
    action.setStatusTip(tip)
    action.setToolTip(tip)
    action.triggered.connect(lambda: make_region_summary(window))
    window.insert_action_after(window.menuFile, window.actionExportJson, action)
    return action


class SummaryDialog(QDialog):
    """Which meetings go into the summary, in which language, and whether it is public."""

    def __init__(self, files: list[Path], language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("RegionSummary", "Region summary"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "RegionSummary",
                "Each file is one group's meeting: a workshop, its JSON or its .docx minutes. "
                "Groups are told apart by their workshop's title.",
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        label = QLabel(translate("RegionSummary", "&Meetings to summarise:"), self)
        self.files = QListWidget(self)
        self.files.setObjectName("summaryFiles")
        self.files.setAccessibleName(translate("RegionSummary", "Meetings to summarise"))
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        label.setBuddy(self.files)
        layout.addWidget(label)
        layout.addWidget(self.files, 1)
        buttons_row = QHBoxLayout()
        self.add_button = QPushButton(icon("add"), translate("RegionSummary", "&Add files…"), self)
        self.add_button.setAccessibleName(translate("RegionSummary", "Add files"))
        self.remove_button = QPushButton(
            icon("remove"), translate("RegionSummary", "&Remove"), self
        )
        self.remove_button.setAccessibleName(
            translate("RegionSummary", "Remove the selected files")
        )
        self.add_button.clicked.connect(self.add_files)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons_row.addWidget(self.add_button)
        buttons_row.addWidget(self.remove_button)
        buttons_row.addStretch(1)
        layout.addLayout(buttons_row)
        form = QFormLayout()
        self.language = QComboBox(self)
        self.language.setAccessibleName(translate("RegionSummary", "Language of the summary"))
        self.language.addItem("Čeština", "cs")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        language_label = QLabel(translate("RegionSummary", "&Language:"), self)
        language_label.setBuddy(self.language)
        form.addRow(language_label, self.language)
        self.public = QCheckBox(
            translate("RegionSummary", "&Public version: no person's name"), self
        )
        self.public.setAccessibleName(
            translate("RegionSummary", "Public version, without any person's name")
        )
        form.addRow(self.public)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("RegionSummary", "&Write the summary…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for path in files:
            self._add(path)
        self.files.itemSelectionChanged.connect(self._update)
        self._update()
        self.resize(560, 440)

    def paths(self) -> list[Path]:
        return [Path(self.files.item(row).text()) for row in range(self.files.count())]

    def _add(self, path: Path) -> None:
        if path not in self.paths():
            self.files.addItem(str(path))

    def ask_files(self) -> list[Path]:
        """The files picked in an Open dialog (tests replace this)."""
        start = self.paths()[-1].parent if self.paths() else Path.home()
        return chosen_to_open_many(
            self,
            translate("RegionSummary", "Add meetings to the summary"),
            start,
            translate("RegionSummary", "Workshops and minutes (*.workshop *.json *.docx)"),
        )

    def add_files(self) -> None:
        for path in self.ask_files():
            self._add(path)
        self._update()

    def remove_selected(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self._update()

    def _update(self) -> None:
        self.remove_button.setEnabled(bool(self.files.selectedItems()))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.files.count() > 0)


class SummaryWorker(CancellableThread):
    """Reads the files and writes the summary in its own thread; afterwards ``summary`` holds
    what was written, or ``error`` why it was not (both None when cancelled)."""

    progressed = Signal(int, int, str)  # files read, of how many, the last one's name

    def __init__(
        self, paths: list[Path], target: Path, language: str, public: bool, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.paths, self.target, self.language, self.public = paths, target, language, public
        self.summary: Summary | None = None
        self.error: Exception | None = None

    @staticmethod
    def prepare() -> None:
        """Import in the window's thread what reading and writing load (PySide's import hook
        trips over pydantic's lazy attributes in a worker thread, see import_progress.py)."""
        import encodings.utf_8_sig  # noqa: F401 - the codec a JSON file is decoded with

        from facilitator_app import summary  # noqa: F401
        from facilitator_app.minutes import read  # noqa: F401 - .docx minutes
        from facilitator_app.workshop import interchange  # noqa: F401 - pydantic, for .json

    def run(self) -> None:
        from facilitator_app.summary import summarise, write_summary

        try:
            summary = summarise(
                self.paths,
                lambda done, total, path: self.progressed.emit(done, total, path.name),
                lambda: self.cancelled,
            )
            if self.cancelled:
                return
            write_summary(summary, self.target, self.language, self.public)
        except Cancelled:
            return
        except Exception as error:  # reported in the window's thread
            self.error = error
            return
        self.summary = summary


def make_region_summary(window: MainWindow) -> Path | None:
    """The whole command; the summary's path, or None when cancelled or refused."""
    session = window.session
    files: list[Path] = []
    language = "cs"
    if session is not None:
        session.flush()
        files.append(session.document.path)
        language = session.document.data.details.language
    dialog = SummaryDialog(files, language, window)
    if not ask_choices(dialog):
        return None
    paths = dialog.paths()
    target = ask_target(window, paths[0].parent / translate("RegionSummary", "region-summary.xlsx"))
    if target is None:
        return None
    if target.suffix.lower() not in (".xlsx", ".docx"):
        target = target.with_name(target.name + ".xlsx")
    worker = SummaryWorker(
        paths, target, str(dialog.language.currentData()), dialog.public.isChecked(), window
    )
    run_with_progress(window, worker)
    if worker.error is not None:
        message = (
            refusal_text(worker.error)
            if isinstance(worker.error, WorkshopError)
            else str(worker.error)
        )
        window.show_error(translate("RegionSummary", "Region summary"), message)
        return None
    if worker.summary is None:
        return None
    show_result(window, target, worker.summary)
    return target


def ask_choices(dialog: SummaryDialog) -> bool:
    """The dialog answered with OK (tests replace this)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_target(window: MainWindow, suggestion: Path) -> Path | None:
    """Where the summary goes, its format by its suffix (tests replace this)."""
    return chosen_to_save(
        window,
        translate("RegionSummary", "Write the region summary"),
        suggestion,
        translate("RegionSummary", "Excel workbook (*.xlsx);;Word document (*.docx)"),
    )


def run_with_progress(window: QWidget, worker: SummaryWorker) -> None:
    """Run ``worker`` to its end, a progress dialog with Cancel showing after a moment."""
    dialog = QProgressDialog(
        translate("RegionSummary", "Reading the meetings…"),
        translate("RegionSummary", "Cancel"),
        0,
        0,
        window,
    )
    dialog.setObjectName("summaryProgress")
    dialog.setWindowTitle(translate("RegionSummary", "Region summary"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.canceled.connect(worker.cancel)

    def progressed(done: int, total: int, name: str) -> None:
        dialog.setMaximum(total + 1)  # the last step: writing
        dialog.setLabelText(
            arg(translate("RegionSummary", "Read %1 of %2 meetings: %3"), done, total, name)
        )
        dialog.setValue(done)

    worker.progressed.connect(progressed)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    worker.prepare()
    worker.start()
    loop.exec()
    worker.wait()
    dialog.reset()
    dialog.hide()
    dialog.deleteLater()


def result_details(summary: Summary) -> str:
    """The files left out and the uncertain matches, a line each (the message's details)."""
    lines: list[str] = []
    if summary.errors:
        lines.append(translate("RegionSummary", "Files left out:"))
        lines += [
            f"  {error.path.name}: "
            + (translated(error.template, error.values) if error.template else error.reason)
            for error in summary.errors
        ]
    if summary.people.uncertain:
        lines.append(
            translate(
                "RegionSummary", "Persons kept apart who may be one (decide in the workbook):"
            )
        )
        for match in summary.people.uncertain:
            lines.append(
                "  "
                + "; ".join(
                    f"{person.name} ({person.organisation})" if person.organisation else person.name
                    for person in match.persons
                )
            )
    return "\n".join(lines)


def show_result(window: MainWindow, target: Path, summary: Summary) -> None:
    """What was written, and what needs the office's eye."""
    text = arg(
        translate("RegionSummary", "The summary of %1 meetings of %2 groups is in %3."),
        len(summary.meetings),
        len(summary.groups),
        str(target),
    )
    notes = []
    if summary.errors:
        notes.append(arg(translate("RegionSummary", "Files left out: %1."), len(summary.errors)))
    if summary.people.uncertain:
        notes.append(
            arg(
                translate("RegionSummary", "Persons who may be one, to check: %1."),
                len(summary.people.uncertain),
            )
        )
    if window.unattended is not None:
        window.statusbar.showMessage(" ".join([text, *notes]), 10000)
        return
    box = QMessageBox(
        QMessageBox.Icon.Warning if notes else QMessageBox.Icon.Information,
        translate("RegionSummary", "Region summary"),
        "\n".join([text, *notes]),
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setObjectName("summaryResult")
    details = result_details(summary)
    if details:
        box.setDetailedText(details)
    box.exec()
