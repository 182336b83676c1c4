"""Asks which of a theme's SWOT items a problem comes from: a list of them to tick."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.workshop.model import Problem, Quadrant, Theme


class SourcesDialog(QDialog):
    """The theme's SWOT items by quadrant, those the problem comes from ticked."""

    def __init__(
        self,
        theme: Theme,
        problem: Problem,
        quadrant_names: dict[Quadrant, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        title = self.tr("What the problem comes from")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("“%1” comes from these &SWOT items:").replace("%1", problem.text))
        label.setWordWrap(True)
        self.items = QListWidget(self)
        self.items.setAccessibleName(self.tr("SWOT items of the theme"))
        label.setBuddy(self.items)
        for quadrant in Quadrant:
            for swot_item in theme.quadrant_items(quadrant):
                row = QListWidgetItem(f"{quadrant_names[quadrant]}: {swot_item.text}", self.items)
                row.setData(Qt.ItemDataRole.UserRole, swot_item.id)
                row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = swot_item.id in problem.sources
                row.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        if self.items.count():
            self.items.setCurrentRow(0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for widget in (label, self.items, buttons):
            layout.addWidget(widget)
        self.resize(520, 420)

    def chosen(self) -> list[int]:
        """The ticked items' ids, in the list's order."""
        rows = (self.items.item(n) for n in range(self.items.count()))
        return [
            int(row.data(Qt.ItemDataRole.UserRole))
            for row in rows
            if row.checkState() == Qt.CheckState.Checked
        ]
