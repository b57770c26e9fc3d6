"""Page 4: where the ImmutableIds come from (an IdP export or an Entra attribute), the transform and
the scope, with a live sample of what would be written."""

from __future__ import annotations

import logging
from dataclasses import asdict

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTableView,
    QWidget,
)

from core.setup.profiles import SOURCE_KEY
from core.source.spec import ATTRIBUTE_NAMES, ENTRA_CONNECT_TRANSFORM, MATCHES, OBJECT_ID, TRANSFORMS
from gui import texts
from gui.jobs import services
from gui.models.simple_table import SimpleTableModel
from gui.pages.base import WizardPage
from gui.session import SourceChoice
from gui.widgets.elide import ElideRightDelegate

log = logging.getLogger(__name__)
PREVIEW_ROWS = 5
# user, source value, new ImmutableId: a GUID source value and its base64 must leave the status in sight
SAMPLE_WIDTHS = (240, 170, 215)
SAMPLE_STATUS_COLUMN = 3
CSV_COLUMN_WIDTH = 180
DOMAIN_LIST_MAX_WIDTH = 420


def _fit_columns(view: QTableView, widest: int | tuple[int, ...]) -> None:
    """Columns as wide as their contents, but none wider than `widest` (one width for all, or one per
    column; they elide in the middle)."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count() - 1):  # the last one stretches
        cap = widest if isinstance(widest, int) else widest[min(column, len(widest) - 1)]
        header.resizeSection(column, min(header.sectionSize(column), cap))


def _sample_status(status: str, new: str | None, row) -> str:
    """The status, and for a user who gets nothing, why (next to the status, where a reader looks)."""
    why = "" if new else texts.row_detail(row)
    return f"{texts.status_text(status)}: {why}" if why else texts.status_text(status)


def _small_table(parent: QWidget, model: SimpleTableModel, name: str) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    view.setMinimumHeight(110)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)  # one line of text a row
    return view


class SourcePage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Source of the ImmutableIds"))
        self.setSubTitle(self.tr("Where each user's new ImmutableId comes from, and which users to include."))
        self._listing_worker = None
        # The transform the admin had before choosing Object ID picked guid-base64 for them (None: no
        # such choice in effect), so leaving Object ID puts theirs back instead of silently keeping it.
        self._transform_before_auto: str | None = None
        self._setting_transform = self._restoring = False
        self._build_kind()
        grid = QGridLayout()
        grid.addWidget(self._build_csv(), 0, 0)
        grid.addWidget(self._build_rule(), 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.body().addLayout(grid)
        self.sample_model = SimpleTableModel(self)
        self.sample_view = _small_table(self, self.sample_model, self.tr("Sample of computed values"))
        self._status_delegate = ElideRightDelegate(self.sample_view)
        self.sample_view.setItemDelegateForColumn(SAMPLE_STATUS_COLUMN, self._status_delegate)
        self.sample_box = QGroupBox(self.tr("What would be written (a sample)"), self)
        QHBoxLayout(self.sample_box).addWidget(self.sample_view)
        self.body().addWidget(self.sample_box, 1)
        self.finish_layout()

    # Layout -----------------------------------------------------------------------------------
    def _build_kind(self) -> None:
        self.csv_radio = QRadioButton(self.tr("From the identity provider's &export file (CSV)"), self)
        self.attr_radio = QRadioButton(self.tr("From an a&ttribute the users already have in Entra"), self)
        group = QButtonGroup(self)
        group.addButton(self.csv_radio)
        group.addButton(self.attr_radio)
        self.csv_radio.setChecked(True)
        self.csv_radio.toggled.connect(self._kind_toggled)
        # The attribute sits by its own choice, where its long names have the room to be read.
        self.attr_combo = QComboBox(self)
        self.attr_combo.setAccessibleName(self.tr("Entra attribute"))
        for name in ATTRIBUTE_NAMES:
            self.attr_combo.addItem(texts.attribute_text(name), name)
        self.attr_combo.currentIndexChanged.connect(self._rule_changed)  # before the sample is made
        self.demo_button = QPushButton(self.tr("Use the de&mo school's export"), self)
        self.demo_button.clicked.connect(self.use_demo_export)
        self.demo_button.hide()  # the demo (gui --sandbox) only
        grid = QGridLayout()
        grid.addWidget(self.csv_radio, 0, 0)
        grid.addWidget(self.demo_button, 0, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.attr_radio, 1, 0)
        grid.addWidget(self.attr_combo, 1, 1)
        grid.setColumnStretch(1, 1)
        self.body().addLayout(grid)

    def _build_csv(self) -> QGroupBox:
        self.csv_box = QGroupBox(self.tr("Export file"), self)
        form = QFormLayout(self.csv_box)
        self.path_edit = QLineEdit(self.csv_box)
        self.path_edit.setAccessibleName(self.tr("Export file path"))
        self.path_edit.setPlaceholderText(self.tr("A CSV file with one row per person"))
        self.path_edit.editingFinished.connect(self._load_csv)
        browse = QPushButton(self.tr("Bro&wse…"), self.csv_box)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()  # spans the form: a path needs the width more than the labels do
        row.addWidget(self._buddy(self.tr("&File:"), self.path_edit))
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(row)
        self.csv_model = SimpleTableModel(self)
        self.csv_view = _small_table(self.csv_box, self.csv_model, self.tr("First rows of the file"))
        form.addRow(self.csv_view)
        self.key_combo = QComboBox(self.csv_box)
        self.key_combo.setAccessibleName(self.tr("Key column"))
        self.match_combo = QComboBox(self.csv_box)
        self.match_combo.setAccessibleName(self.tr("Match type"))
        for match in MATCHES:
            self.match_combo.addItem(texts.match_text(match), match)
        self.value_combo = QComboBox(self.csv_box)
        self.value_combo.setAccessibleName(self.tr("Value column"))
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_combo, 1)
        key_row.addWidget(self.match_combo, 1)
        form.addRow(self._buddy(self.tr("&Key column, matches:"), self.key_combo), key_row)
        form.addRow(self.tr("&Value column:"), self.value_combo)
        for combo in (self.key_combo, self.match_combo, self.value_combo):
            combo.currentIndexChanged.connect(self._choice_changed)
        return self.csv_box

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(widget)
        return label

    def _build_rule(self) -> QGroupBox:
        box = QGroupBox(self.tr("Rule and scope"), self)
        form = QFormLayout(box)
        self.transform_combo = QComboBox(box)
        self.transform_combo.setAccessibleName(self.tr("Transform"))
        for name in TRANSFORMS:
            self.transform_combo.addItem(texts.transform_text(name), name)
        form.addRow(self.tr("T&ransform:"), self.transform_combo)
        self.domain_list = QListWidget(box)
        self.domain_list.setAccessibleName(self.tr("Domains to include"))
        self.domain_list.setMinimumHeight(70)
        form.addRow(self.tr("&Domains:"), self.domain_list)
        self.guests_box = QCheckBox(self.tr("Include &guests"), box)
        self.disabled_box = QCheckBox(self.tr("Include d&isabled accounts"), box)
        form.addRow("", self.guests_box)
        form.addRow("", self.disabled_box)
        self.transform_combo.currentIndexChanged.connect(self._transform_chosen)
        for combo in (self.attr_combo, self.transform_combo):
            combo.currentIndexChanged.connect(self._choice_changed)
        for check in (self.guests_box, self.disabled_box):
            check.toggled.connect(self._choice_changed)
        self.domain_list.itemChanged.connect(self._choice_changed)
        return box

    # Loading ----------------------------------------------------------------------------------
    def initializePage(self) -> None:
        resume = self.session.resume
        self._restoring = True  # a remembered choice is the admin's own: nothing is picked for them
        try:
            if resume is not None:  # continuing an unfinished run: its own source, not the last one used
                self.path_edit.setText(str(resume.source_spec.get("csv_path") or ""))
                self._restore(dict(resume.source_spec))
            else:  # this connection's own source first (saved with it), else the last one used anywhere
                profiles = self.sync_wizard().profiles
                self._restore(profiles.attached(self._connection_name(), SOURCE_KEY) or profiles.recall("source") or {})
        finally:
            self._restoring = False
        if self.session.demo is not None and resume is None and self.csv_radio.isChecked() \
                and not self.path_edit.text():  # the demo: its school's export is the one to try first
            from gui.app import demo_export_path

            self.path_edit.setText(str(demo_export_path()))
        self._label_object_id()
        self.demo_button.setVisible(self.session.sandbox is not None)
        self._kind_changed()
        if self.session.users is None:
            self.run_job(services.listing_job(self.session.connection, self.session.secret), "listing",
                         self.tr("Reading the tenant's users to count them per domain…"),
                         on_progress=self._listing_progress, on_finished=self._listed)
        else:
            self._fill_domains(services.domain_counts(self.session.users))
        if self.path_edit.text() and self.session.csv_table is None:
            self._load_csv()

    def cleanupPage(self) -> None:
        self.cancel_job(wait_ms=30000)

    def _restore(self, saved: dict) -> None:
        if not isinstance(saved, dict):
            return
        self.csv_radio.setChecked(saved.get("kind", "csv") == "csv")
        self.attr_radio.setChecked(saved.get("kind") == "attribute")
        if saved.get("csv_path") and not self.path_edit.text():
            self.path_edit.setText(str(saved["csv_path"]))
        for combo, key in ((self.match_combo, "match"), (self.attr_combo, "attribute"),
                           (self.transform_combo, "transform")):
            index = combo.findData(saved.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        self.guests_box.setChecked(bool(saved.get("include_guests")))
        self.disabled_box.setChecked(bool(saved.get("include_disabled")))
        self._saved = saved

    def _listing_progress(self, progress) -> None:
        self.busy.update_progress(self.tr("Reading the tenant's users… {n} so far").format(
            n=texts.number(progress.done)))

    def _listed(self, listing) -> None:
        self.session.remember_listing(listing.users)
        self._fill_domains(listing.domain_counts)
        self._update_sample()

    def _fill_domains(self, counts: dict[str, int]) -> None:
        facts = getattr(self.session.check_report, "facts", None)
        federated = set(facts.federated) if facts is not None else set()
        known = set(facts.domain_names) if facts is not None else set()
        self.domain_list.blockSignals(True)
        self.domain_list.clear()
        for name in sorted(set(counts) | {n.lower() for n in known}, key=lambda d: (-counts.get(d, 0), d)):
            label = texts.domain_label(name, counts.get(name, 0), name in federated)
            item = QListWidgetItem(label, self.domain_list)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            chosen = self.session.source.domains
            item.setCheckState(Qt.CheckState.Checked if not chosen or name in chosen else Qt.CheckState.Unchecked)
        self.domain_list.blockSignals(False)
        # as wide as its longest domain (up to a point): the export's table may have what is left
        fits = (self.domain_list.sizeHintForColumn(0) + 2 * self.domain_list.frameWidth()
                + self.domain_list.verticalScrollBar().sizeHint().width())
        self.domain_list.setMinimumWidth(min(fits, DOMAIN_LIST_MAX_WIDTH))
        self._choice_changed()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the export file"), self.path_edit.text(),
                                              self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.path_edit.setText(path)
            self._load_csv()

    def use_demo_export(self) -> None:
        """The demo school's sample IdP export (written when the demo started)."""
        from gui.app import demo_export_path

        self.csv_radio.setChecked(True)
        self.path_edit.setText(str(demo_export_path()))
        self._load_csv()

    def _load_csv(self) -> None:
        path = self.path_edit.text().strip()
        self.session.csv_table = None
        self.csv_model.set_table([], [])
        if not path:
            self._choice_changed()
            return
        self.run_job(services.read_csv_job(path), "read csv", self.tr("Reading the export file…"),
                     on_finished=self._csv_loaded, on_failed=self._csv_failed)

    def _csv_loaded(self, table) -> None:
        self.session.csv_table = table
        self.csv_model.set_table(table.headers, table.rows[:PREVIEW_ROWS])
        _fit_columns(self.csv_view, CSV_COLUMN_WIDTH)  # several columns in sight, to pick key and value
        saved = getattr(self, "_saved", {}) or {}
        for combo, key in ((self.key_combo, "key_column"), (self.value_combo, "value_column")):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(table.headers)
            index = combo.findText(str(saved.get(key) or ""))
            combo.setCurrentIndex(index if index >= 0 else (0 if combo is self.key_combo else
                                                            min(1, len(table.headers) - 1)))
            combo.blockSignals(False)
        self._choice_changed()

    def _csv_failed(self, exc: BaseException) -> None:
        self.show_error(exc)
        self._choice_changed()

    # Choice -----------------------------------------------------------------------------------
    def _kind_toggled(self) -> None:
        self._rule_changed()
        self._kind_changed()

    def _rule_changed(self) -> None:
        """The admin chose a kind or an attribute. Object ID is only meaningful as Entra Connect writes it,
        so it brings guid-base64 along; leaving it restores what the admin had, unless they chose
        another transform themselves meanwhile."""
        if self._restoring:
            return
        wants = self.attr_radio.isChecked() and self.attr_combo.currentData() == OBJECT_ID
        current = self.transform_combo.currentData()
        if wants and self._transform_before_auto is None and current != ENTRA_CONNECT_TRANSFORM:
            self._transform_before_auto = current
            self._set_transform(ENTRA_CONNECT_TRANSFORM)
        elif not wants and self._transform_before_auto is not None:
            previous, self._transform_before_auto = self._transform_before_auto, None
            if current == ENTRA_CONNECT_TRANSFORM:
                self._set_transform(previous)

    def _set_transform(self, name: str) -> None:
        self._setting_transform = True
        try:
            self.transform_combo.setCurrentIndex(max(0, self.transform_combo.findData(name)))
        finally:
            self._setting_transform = False

    def _transform_chosen(self) -> None:
        if not self._setting_transform:
            self._transform_before_auto = None  # the admin's own choice from now on
        self._label_object_id()

    def _label_object_id(self) -> None:
        """Object ID's name says "with guid-base64" only while that is the transform: the page never names
        one transform and shows another."""
        index = self.attr_combo.findData(OBJECT_ID)
        self.attr_combo.setItemText(index, texts.attribute_label(OBJECT_ID, self.transform_combo.currentData()))

    def _kind_changed(self) -> None:
        csv = self.csv_radio.isChecked()
        self.csv_box.setEnabled(csv)
        self.attr_combo.setEnabled(not csv)
        self._choice_changed()

    def choice(self) -> SourceChoice:
        domains = []
        for i in range(self.domain_list.count()):
            item = self.domain_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                domains.append(item.data(Qt.ItemDataRole.UserRole))
        all_checked = len(domains) == self.domain_list.count()
        return SourceChoice(
            kind="csv" if self.csv_radio.isChecked() else "attribute", csv_path=self.path_edit.text().strip(),
            match=self.match_combo.currentData() or "upn", key_column=self.key_combo.currentText(),
            value_column=self.value_combo.currentText(), attribute=self.attr_combo.currentData() or "objectId",
            transform=self.transform_combo.currentData() or "none",
            # every domain ticked = no domain filter (new domains added later are included too)
            domains=() if all_checked else tuple(domains),
            include_guests=self.guests_box.isChecked(), include_disabled=self.disabled_box.isChecked())

    def problem(self) -> str | None:
        choice = self.choice()
        if self.domain_list.count() and not choice.domains and not self._any_domain_checked():
            return self.tr("Tick at least one domain.")
        if choice.kind == "csv":
            if self.session.csv_table is None:
                return self.tr("Choose the export file.")
            if choice.key_column == choice.value_column:
                return self.tr("The key column and the value column must differ.")
        return None

    def _any_domain_checked(self) -> bool:
        return any(self.domain_list.item(i).checkState() == Qt.CheckState.Checked
                   for i in range(self.domain_list.count()))

    def input_complete(self) -> bool:
        return self.problem() is None

    def _choice_changed(self) -> None:
        self.session.source = self.choice()
        self._update_sample()
        self.completeChanged.emit()

    def _update_sample(self) -> None:
        users, choice = self.session.users, self.session.source
        headers = [self.tr("User"), self.tr("Source value"), self.tr("New ImmutableId"), self.tr("Status")]
        if not users or self.problem() is not None:
            self.sample_model.set_table(headers, [])
            return
        try:
            rows = services.sample_values(users, choice, self.session.csv_table,
                                          getattr(self.session.check_report, "facts", None))
        except Exception as exc:  # noqa: BLE001 - a bad choice shows as a message, never a crash
            log.info("Sample not available: %s", type(exc).__name__)
            self.show_error(exc)
            return
        self.sample_model.set_table(headers, [(upn, raw, new or "—", _sample_status(status, new, row))
                                              for upn, raw, new, status, row in rows])
        # long guest UPNs (…#EXT#@…) must not push the status, the column that explains, out of sight
        _fit_columns(self.sample_view, SAMPLE_WIDTHS)

    def _connection_name(self) -> str:
        conn = self.session.connection
        return (conn.name or conn.tenant) if conn is not None else ""

    def accept_page(self) -> bool:
        choice = self.choice()
        self.session.source = choice
        self.session.plan = None
        self.session.flow.plan_ready = False
        saved = {k: v for k, v in asdict(choice).items() if k != "domains"}
        try:
            self.sync_wizard().profiles.remember("source", saved)
            # saved with the connection too: what `apply --connection` and scheduled runs use (issue 11)
            self.sync_wizard().profiles.attach(self._connection_name(), SOURCE_KEY, choice.to_dict())
        except (OSError, ValueError):
            log.warning("Could not remember the source choice", exc_info=True)
        return True
