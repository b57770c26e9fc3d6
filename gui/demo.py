"""The demo (`immutableid-sync gui --sandbox`, `make demo`): a made-up school on this computer, behaving as
Microsoft's tenant does, that lives on between launches — so that a run that is stopped, or a program that
is killed, can be continued the next time and shows the real thing.

Everything of the demo lives in its own folder (`<data folder>/demo/`), never among the real tenants'
things: the tenant's state (core/sandbox/state.py), the school's sample export, and a home of its own
(`IMMUTABLEID_SYNC_HOME`) for the demo's runs, reports, saved connection and schedule. "Reset the demo"
deletes that folder and starts the school afresh. A schedule saved in the demo is recorded with the demo's
connection only: nothing is installed in this computer's scheduler (the demo tenant lives only while the
wizard runs). No Qt here.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core import logsetup, paths
from core.graph.connection import Connection
from core.sandbox import SandboxTenant, sample_export
from core.sandbox.state import StateError
from core.sandbox.synthetic import demo_school
from core.setup.scheduler import Completed, Scheduler

log = logging.getLogger(__name__)

DEMO_USERS = 300
# the demo's connection, saved under this name: clearly not a school's, and the same in every language
DEMO_NAME = "Demo (sandbox)"
# The demo's app may also read domains and directory roles, as a well-prepared real app would: the check
# sees the federated domain and the tenant's .onmicrosoft.com domain (the UPN swap), and the preview knows
# the admins before writing (graph-facts §12).
DEMO_EXTRA_ROLES = ("Domain.Read.All", "RoleManagement.Read.Directory")
STATE_FILE = "tenant-state.jsonl"
EXPORT_FILE = "skolon-export.csv"
HOME_FOLDER = "home"

_current: Demo | None = None  # the demo this process runs (one at most)


def current() -> Demo | None:
    return _current


def default_root() -> Path:
    return paths.data_dir() / "demo"


def _nothing(argv: list[str], input_text: str | None = None) -> Completed:
    """The demo's scheduler tools: asked, they do nothing (module doc)."""
    log.info("Demo: not run: %s", " ".join(argv))
    return Completed(0)


@dataclass
class Demo:
    root: Path = field(default_factory=default_root)
    users: int = DEMO_USERS
    tenant: SandboxTenant | None = None

    @property
    def state_path(self) -> Path:
        return self.root / STATE_FILE

    @property
    def export_path(self) -> Path:
        return self.root / EXPORT_FILE

    @property
    def home(self) -> Path:
        return self.root / HOME_FOLDER

    def start(self, session: Any) -> SandboxTenant:
        """Load the demo school as it was left (or make it), serve it on loopback HTTPS, move this process's
        home into the demo's folder, and fill the session's connection and secret (memory only)."""
        global _current
        self.root.mkdir(parents=True, exist_ok=True)
        os.environ[paths.HOME_ENV] = str(self.home)  # the demo's runs and connection stay in its folder
        self.tenant = self._load_or_make().start()
        if not self.export_path.exists():  # the school's export, as its IdP gave it: written once
            try:
                sample_export(self.tenant, self.export_path)
            except OSError:
                log.warning("Could not write the demo's sample export", exc_info=True)
        self._fill(session)
        _current = self
        return self.tenant

    def _load_or_make(self) -> SandboxTenant:
        if self.state_path.exists():
            try:
                return SandboxTenant.load_state(self.state_path)
            except (StateError, OSError, ValueError, KeyError, TypeError):
                log.warning("The demo's saved state cannot be read; the demo starts afresh", exc_info=True)
                self.state_path.replace(self.state_path.with_suffix(".unreadable"))
        tenant = SandboxTenant(directory=demo_school(self.users))  # with the domain it federates at the end
        app_id = tenant.apps[0]["clientId"]
        tenant.set_app_roles(app_id, sorted({*tenant.apps[0]["roles"], *DEMO_EXTRA_ROLES}))
        tenant.save_state(self.state_path)
        return tenant

    def _fill(self, session: Any) -> None:
        assert self.tenant is not None
        profile = self.tenant.connection_profile()
        conn = Connection.from_profile_dict({**profile, "name": DEMO_NAME})
        session.demo, session.sandbox = self, self.tenant
        session.connection, session.secret = conn, profile["client_secret"]
        logsetup.register_secret(session.secret)
        self._refresh_saved(conn)

    def _refresh_saved(self, conn: Connection) -> None:
        """The demo's saved connection points at this launch's address and CA (both change every launch)."""
        from core.setup.profiles import ProfileStore

        store = ProfileStore()
        try:
            for saved in store.list():
                if saved.tenant == conn.tenant and saved.client_id == conn.client_id:
                    store.save(Connection.from_profile_dict({**conn.to_profile_dict(), "name": saved.name}))
        except OSError:
            log.warning("Could not update the demo's saved connection", exc_info=True)

    def reset(self, session: Any) -> SandboxTenant:
        """The school as it was first made: its users, values and UPNs, and none of the demo's runs,
        reports, saved connection or schedule."""
        self.stop()
        shutil.rmtree(self.home, ignore_errors=True)
        for path in (self.state_path, self.export_path):
            path.unlink(missing_ok=True)
        session.forget_from_check()
        session.source = type(session.source)()
        session.csv_table = session.resume = session.retry_ids = None
        session.run_dir = session.report_path = None
        return self.start(session)

    def stop(self) -> None:
        if self.tenant is not None:
            self.tenant.stop()

    def scheduler(self) -> Scheduler:
        """Schedules "installed" in the demo: recorded with the demo's connection, files written inside the
        demo's folder, no scheduler tool run."""
        return Scheduler(runner=_nothing, home=self.root / "computer", program=["immutableid-sync"])
