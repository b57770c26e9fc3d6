"""The way back in the federation dialog (issue 18 §1, `federate undo` in the wizard): where the domain is
federated with this IdP, the dialog offers to make it managed again after the same typed confirmation as the
command line, and says plainly what happens to passwords and how long sign-ins take to follow (graph-facts
§15). Only the words live here; the run is core's FEDERATE_UNDO kind (core/federation/run.py), journalled like
every run, on the dialog's worker thread."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.federation.run import DONE, FAILED, SKIPPED, TIMED_OUT


def offer(domain: str) -> str:
    return QCoreApplication.translate("FederateUndo",
        "{domain} is already federated with Skolon. To go back, make it managed again: its users then sign in with "
        "a Microsoft password.").format(domain=domain)


def confirm(domain: str) -> str:
    """What happens, said before the typed domain (as `federate undo` prints it)."""
    return QCoreApplication.translate("FederateUndo",
        "After this, {domain} is managed again and its users sign in with a password kept by Microsoft, "
        "not with Skolon. Users created while the domain was federated have no password, and older "
        "passwords may be out of date: set or reset them, or turn on self-service password reset, before "
        "they need to sign in. Microsoft's sign-in page can take up to two hours to follow. Type the "
        "domain ({domain}) to go ahead:").format(domain=domain)


def waiting(domain: str, seen: str) -> str:
    return QCoreApplication.translate("FederateUndo",
        "Managed in Entra. Waiting for Microsoft's sign-in page to ask {domain}'s users for their "
        "Microsoft password again (it says: {seen}). This can take up to two hours.").format(domain=domain, seen=seen)


def finished(result, domain: str) -> str:
    """One sentence for the run's end (core.federation.run.FederationResult of a FEDERATE_UNDO run)."""
    if result.verified:
        return QCoreApplication.translate("FederateUndo",
            "Done: {domain} is managed again, and Microsoft's sign-in page asks its users for their "
            "Microsoft password. Make sure each user has one (or self-service password reset) before they "
            "sign in.").format(domain=domain)
    if result.step("realm").status == TIMED_OUT:
        return QCoreApplication.translate("FederateUndo",
            "{domain} is managed in Entra, but Microsoft's sign-in page still sends its users to Skolon. "
            "Microsoft allows up to two hours: open this step again later to check; nothing is changed "
            "twice.").format(domain=domain)
    if result.cancelled:
        return QCoreApplication.translate("FederateUndo",
            "Stopped while waiting. The change in Entra stays; open this step again to check.")
    return QCoreApplication.translate("FederateUndo",
        "Not done: {domain} is still federated. See the report in the run folder.").format(domain=domain)


def verification(result, domain: str) -> list[str]:
    """What was checked after the change, one line per check, as the run's report has it."""
    lines = []
    write, readback, realm = result.step("write"), result.step("readback"), result.step("realm")
    if write.status == DONE:
        lines.append(QCoreApplication.translate("FederateUndo",
            "✓ Entra: the federation of {domain} was removed.").format(domain=domain))
    elif write.status == SKIPPED:
        lines.append(QCoreApplication.translate("FederateUndo",
            "✓ Entra: {domain} was already managed.").format(domain=domain))
    if readback.status == DONE:
        lines.append(QCoreApplication.translate("FederateUndo",
            "✓ Read back: {domain} has no federation any more.").format(domain=domain))
    elif readback.status == FAILED:
        lines.append(QCoreApplication.translate("FederateUndo",
            "✗ Read back: {domain} is still federated.").format(domain=domain))
    if realm.status == DONE:
        lines.append(QCoreApplication.translate("FederateUndo",
            "✓ Microsoft's sign-in page asks {domain}'s users for their password.").format(domain=domain))
    elif realm.status == TIMED_OUT:
        lines.append(QCoreApplication.translate("FederateUndo",
            "… Microsoft's sign-in page still says Federated."))
    return lines
