"""`immutableid-sync federate apply` and `federate undo` (issue 18 §1, graph-facts §15): the federation run's
command-line face. One interactive admin sign-in (delegated Domain-InternalFederation.ReadWrite.All, the same
MSAL flow as `app create`), the readiness checks again (apply), a typed confirmation (the domain's name;
`--yes` for scripts), then core/federation/run.py: the write, the read-back and the home-realm wait, with a
run folder whatever happens."""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Callable
from typing import TextIO

from core import logsetup
from core.commands.common import CliError, fail
from core.commands.federate import _check_options, _connection, _gather, print_table
from core.commands.progress import ProgressLine
from core.commands.stopping import cancel_on_stop_signals
from core.exits import EXIT_BAD_INPUT, EXIT_CANCELLED, EXIT_CANNOT_CONNECT, EXIT_SOME_FAILED
from core.federation.domains import DELEGATED_SCOPES, FEDERATION_ROLES, MFA_BEHAVIORS, configuration_body
from core.federation.metadata import MetadataError
from core.federation.realm import DEFAULT_TIMEOUT_S, POLL_INTERVAL_S, RealmProgress, realm_url
from core.federation.run import (
    FederationOutcome,
    FederationSpec,
    FixedToken,
    execute_federation,
    may_federate,
)
from core.graph.auth import AuthError
from core.graph.client import GraphClient, GraphError
from core.graph.connection import DOMAIN_RE
from core.graph.http import VerifyingSession
from core.graph.signin import DEFAULT_SIGN_IN_CLIENT_ID, SignedIn, SignInError, sign_in
from core.messages import describe
from core.run.folders import RunKind

PASSWORDS_NOTE = ("Users in {domain} will then sign in with a password kept by Microsoft: users created while "
                  "the domain was federated have none, and older passwords may be out of date. Set or reset "
                  "them (or turn on self-service password reset) before they need to sign in.")


def register(commands: argparse._SubParsersAction, add_connection: Callable[[argparse.ArgumentParser], None]) -> None:
    apply = commands.add_parser(
        "apply", help="federate the domain with the IdP (an admin signs in; checked first, verified after)",
        description="Signs an admin in, checks readiness again, asks you to type the domain, then federates it "
                    "and waits until Microsoft's sign-in page sends the domain's users to the IdP.")
    add_connection(apply)
    apply.add_argument("--idp-metadata", required=True, metavar="FILE_OR_URL",
                       help="the IdP's SAML 2.0 metadata: a file, or its https address")
    apply.add_argument("--mfa-behavior", choices=sorted(MFA_BEHAVIORS), default="accept",
                       help="what Entra does with MFA done at the IdP (default: accept)")
    undo = commands.add_parser(
        "undo", help="take the domain back to managed (Entra passwords again)",
        description="Signs an admin in, asks you to type the domain, removes its federation and waits until "
                    "Microsoft's sign-in page asks for passwords again.")
    add_connection(undo)
    for parser, func in ((apply, run_apply), (undo, run_undo)):
        parser.add_argument("--yes", action="store_true", help="do not ask to type the domain (for scripts)")
        parser.add_argument("--realm-timeout", type=float, default=DEFAULT_TIMEOUT_S / 60, metavar="MINUTES",
                            help="how long to wait for the sign-in page to follow (default: 120)")
        parser.add_argument("--sign-in-client-id", default=DEFAULT_SIGN_IN_CLIENT_ID, help=argparse.SUPPRESS)
        parser.add_argument("--device-code", action="store_true",
                            help="sign in with a code on another device (often blocked by Conditional Access)")
        parser.add_argument("--realm-interval", type=float, default=POLL_INTERVAL_S, help=argparse.SUPPRESS)
        parser.set_defaults(func=func)


def run_apply(args: argparse.Namespace, stdin: TextIO | None = None) -> int:
    return _run(args, RunKind.FEDERATE, stdin or sys.stdin)


def run_undo(args: argparse.Namespace, stdin: TextIO | None = None) -> int:
    return _run(args, RunKind.FEDERATE_UNDO, stdin or sys.stdin)


def _run(args: argparse.Namespace, kind: RunKind, stdin: TextIO) -> int:
    logsetup.setup_logging()
    try:
        if kind is RunKind.FEDERATE:
            domain, _admin = _check_options(args)
        else:
            domain = _domain_option(args.domain)
        if args.realm_timeout <= 0:
            raise CliError(EXIT_BAD_INPUT, "--realm-timeout: give the minutes to wait, more than 0.")
        if not args.yes and not stdin.isatty():
            raise CliError(EXIT_BAD_INPUT, "Refusing to change the domain without confirmation: no terminal to "
                                           "ask on. Pass --yes to confirm.")
        conn, secret = _connection(args)
        signed = _sign_in(conn, args)
        _role_check(signed)
        spec = FederationSpec(conn, domain, kind, tenant_id=signed.tenant_id, admin_upn=signed.upn,
                              realm_timeout_s=args.realm_timeout * 60, realm_interval_s=args.realm_interval)
        if kind is RunKind.FEDERATE:
            _ready(args, spec, secret)
        else:
            print(f"Take {domain} back to managed in tenant {conn.display_name}.")
            print(PASSWORDS_NOTE.format(domain=domain))
        if not args.yes:
            _confirm(domain, kind, stdin)
        return _execute(spec, signed)
    except CliError as exc:
        return fail(exc)


def _domain_option(text: str) -> str:
    domain = text.strip().lower().rstrip(".")
    if not DOMAIN_RE.match(domain):
        raise CliError(EXIT_BAD_INPUT, f"--domain: {text!r} is not a domain name (e.g. school.example).")
    return domain


def _sign_in(conn, args: argparse.Namespace) -> SignedIn:
    def show(text: str) -> None:
        print(text if args.device_code else f"Sign in as an admin in the browser that opened (or open: {text})",
              file=sys.stderr, flush=True)

    print("Sign in as an admin who may federate domains (Domain Name Administrator or Global Administrator), "
          "with an account outside the domain.", file=sys.stderr, flush=True)
    try:
        return sign_in(conn, show, client_id=args.sign_in_client_id, device_code=args.device_code,
                       scopes=DELEGATED_SCOPES)
    except SignInError as exc:
        raise CliError(EXIT_CANNOT_CONNECT, f"Sign-in failed: {describe(exc.code)}", exc.code) from None


def _role_check(signed: SignedIn) -> None:
    """Refuse before writing when the token lists the admin's roles and none may federate (Graph would 403)."""
    if not may_federate(signed.token):
        raise CliError(EXIT_CANNOT_CONNECT,
                       f"{signed.upn or 'The signed-in account'} may not federate domains. Sign in with one of: "
                       f"{', '.join(sorted(FEDERATION_ROLES.values()))}. Nothing was changed.")


def _ready(args: argparse.Namespace, spec: FederationSpec, secret: str) -> None:
    """The readiness checks again, with the signed-in admin; the body to POST from the IdP's metadata."""
    conn = spec.conn
    print(f"Is {spec.domain} ready to be federated? Tenant {conn.display_name}, IdP metadata {args.idp_metadata}")
    try:
        graph = GraphClient.open(conn, secret)
        roles = graph.tokens.token().roles
        readiness = _gather(graph, conn, spec.domain, args.idp_metadata, spec.admin_upn, roles)
    except AuthError as exc:
        raise CliError(EXIT_CANNOT_CONNECT, f"Sign-in failed: {describe(exc.code.value)}", exc.code.value) from None
    except GraphError as exc:
        raise CliError(EXIT_CANNOT_CONNECT, f"Microsoft Graph answered with an error: {exc}") from None
    print_table(readiness)
    spec.readiness = [{"check": r.check.value, "verdict": r.verdict.value, "code": r.code} for r in readiness.rows]
    if not readiness.passed or readiness.metadata is None:
        raise CliError(EXIT_SOME_FAILED, "Not ready: fix the rows marked FAIL or ?? above. Nothing was changed.")
    try:
        spec.body = configuration_body(readiness.metadata, mfa=args.mfa_behavior)
    except MetadataError as exc:
        raise CliError(EXIT_SOME_FAILED, f"The IdP's metadata cannot be used: {exc.code}. Nothing was changed.") from None


def _confirm(domain: str, kind: RunKind, stdin: TextIO) -> None:
    if kind is RunKind.FEDERATE:
        print(f"After this, every user in {domain} signs in through the IdP only (Microsoft says the change can "
              "take up to 2 hours to reach every sign-in page).")
    print(f"Type the domain ({domain}) to go ahead: ", end="", flush=True)
    if (stdin.readline() or "").strip().lower().rstrip(".") != domain:
        raise CliError(EXIT_CANCELLED, "Not confirmed; nothing was changed.")


def _execute(spec: FederationSpec, signed: SignedIn) -> int:
    conn = spec.conn
    session = VerifyingSession(conn.verify)
    graph = GraphClient(conn, FixedToken(signed.token), session)
    line = ProgressLine("federate")
    cancel = threading.Event()

    def progress(stage: str, realm: RealmProgress | None) -> None:
        line.update(_progress_text(stage, realm, spec), force=realm is None)

    try:
        with cancel_on_stop_signals(cancel):
            outcome = execute_federation(spec, graph, session=session, progress=progress, cancel=cancel)
    finally:
        line.done()
    _print_outcome(spec, outcome)
    return outcome.result.exit_code


def _progress_text(stage: str, realm: RealmProgress | None, spec: FederationSpec) -> str:
    if realm is None:
        return {"read": "reading the domain's federation", "realm": "waiting for Microsoft's sign-in page"}[stage]
    seen = realm.last.namespace_type if realm.last else (realm.error or "no answer yet")
    return (f"waiting for the sign-in page to say {spec.expected_realm}: {round(realm.elapsed_s)} s of "
            f"{round(realm.timeout_s)} s, now {seen}")


def _print_outcome(spec: FederationSpec, outcome: FederationOutcome) -> None:
    result = outcome.result
    for step in result.steps:
        print(f"  {step.name:<9} {step.status:<13} {step.detail}")
    done = "federated with the IdP" if spec.kind is RunKind.FEDERATE else "managed (passwords) again"
    realm = result.step("realm")
    if result.verified:
        print(f"Done: {spec.domain} is {done}, and Microsoft's sign-in page says so.")
    elif realm.status == "timed_out":
        print(f"{spec.domain} is changed in Entra, but Microsoft's sign-in page did not follow within "
              f"{round(spec.realm_timeout_s / 60)} minutes (Microsoft allows up to 2 hours). Run the same "
              f"command again later: it only checks, it does not change anything twice. Or open "
              f"{realm_url(spec.conn.login_base, 'someone@' + spec.domain)}")
    elif result.cancelled:
        print(f"Stopped. Run the same command again to check {spec.domain}: it continues from what the tenant holds.")
    else:
        print(f"Not done: {spec.domain} is not {done}; see the steps above.")
    print(f"Run folder: {outcome.run_dir}")
    sys.stdout.flush()
