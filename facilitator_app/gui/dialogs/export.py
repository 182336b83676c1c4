"""File ▸ Export minutes: format, options and the target file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from facilitator_app.gui.core.session import WorkshopSession
from facilitator_app.workshop.errors import WorkshopError

if TYPE_CHECKING:
    from facilitator_app.minutes.options import MinutesOptions

FORMATS = {".docx": "Word (*.docx)", ".md": "Markdown (*.md)", ".pdf": "PDF (*.pdf)"}


class ExportDialog(QDialog):
    def __init__(self, session: WorkshopSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.exported: Path | None = None  # where the minutes went, once exported
        self.setWindowTitle(self.tr("Export minutes"))
        layout = QFormLayout(self)
        self.format = QComboBox(self)
        self.format.setAccessibleName(self.tr("Format"))
        for suffix, label in FORMATS.items():
            self.format.addItem(label, suffix)
        format_label = QLabel(self.tr("&Format:"), self)
        format_label.setBuddy(self.format)
        layout.addRow(format_label, self.format)
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language of the minutes"))
        self.language.addItem(self.tr("As set for the workshop"), None)
        self.language.addItem("Čeština", "cs")
        self.language.addItem("English", "en")
        language_label = QLabel(self.tr("&Language:"), self)
        language_label.setBuddy(self.language)
        layout.addRow(language_label, self.language)
        self.public = QCheckBox(self.tr("&Public version (no personal names)"), self)
        self.attendance = QCheckBox(self.tr("Add the &attendance list"), self)
        self.order_by_votes = QCheckBox(
            self.tr("Order by &votes (activities, SWOT, problems)"), self
        )
        self.order_by_votes.setAccessibleName(self.tr("Order by votes"))
        self.numbered = QCheckBox(self.tr("&Number the activities (1.1, 1.1.2…)"), self)
        self.numbered.setAccessibleName(self.tr("Number the activities"))
        self.numbered.setToolTip(
            self.tr(
                "Each activity gets its code from the tree, its block's number first (3.1.2), "
                "also when ordered by votes; the minutes say which meeting's tree it is."
            )
        )
        self.reference_analysis = QCheckBox(
            self.tr("Repeat the previous meeting's &SWOT and problems"), self
        )
        self.reference_analysis.setAccessibleName(
            self.tr("Repeat the previous meeting's SWOT and problems")
        )
        self.reference_analysis.setToolTip(
            self.tr(
                "A workshop made from the previous meeting's file carries its SWOT and "
                "problems for reference; its minutes leave them out unless this is checked."
            )
        )
        self.redline = QCheckBox(
            self.tr("Show the vision's changes as trac&ked changes (redline)"), self
        )
        self.redline.setToolTip(
            self.tr(
                "Word only: each theme's vision is written as tracked changes from its draft, "
                "for the office to accept or reject one by one. Themes without a draft, or "
                "unchanged, print as usual."
            )
        )
        self.redline.setAccessibleName(self.tr("Show the vision's changes as tracked changes"))
        boxes = (
            self.public,
            self.attendance,
            self.order_by_votes,
            self.numbered,
            self.redline,
            self.reference_analysis,
        )
        for box in boxes:
            layout.addRow(box)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()
        template_row = QHBoxLayout()
        self.template = QLineEdit(self)
        self.template.setAccessibleName(self.tr("Word template"))
        self.template.setPlaceholderText(self.tr("none: the app's own layout"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.setAccessibleName(self.tr("Choose a Word template"))
        browse.clicked.connect(self._choose_template)
        template_row.addWidget(self.template)
        template_row.addWidget(browse)
        template_label = QLabel(self.tr("&Template (.docx):"), self)
        template_label.setBuddy(self.template)
        layout.addRow(template_label, template_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export…"))
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def _format_changed(self, *_: object) -> None:
        # Tracked changes exist only in Word documents.
        self.redline.setEnabled(self.format.currentData() == ".docx")

    def _choose_template(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Word template"), "", FORMATS[".docx"])
        if name:
            self.template.setText(name)

    def options(self) -> MinutesOptions:
        from facilitator_app.minutes import MinutesOptions

        template = self.template.text().strip()
        return MinutesOptions(
            public=self.public.isChecked(),
            attendance=self.attendance.isChecked(),
            language=self.language.currentData(),
            template=Path(template) if template else None,
            order_by_votes=self.order_by_votes.isChecked(),
            numbered=self.numbered.isChecked(),
            redline=self.redline.isChecked(),
            reference_analysis=self.reference_analysis.isChecked(),
        )

    def export_to(self, target: Path) -> bool:
        from facilitator_app.minutes import export_minutes

        self.session.flush()
        try:
            export_minutes(self.session.document.data, target, self.options())
        except (WorkshopError, ValueError) as error:
            QMessageBox.warning(self, self.tr("Cannot export the minutes"), str(error))
            return False
        except OSError as error:
            QMessageBox.warning(
                self, self.tr("Cannot export the minutes"), f"{target}: {error.strerror}"
            )
            return False
        return True

    def export(self) -> None:
        suffix = self.format.currentData()
        default = self.session.path.with_name(f"{self.session.path.stem} – zápis{suffix}")
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export minutes"), str(default), FORMATS[suffix]
        )
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        if self.export_to(target):
            self.exported = target
            self.accept()
