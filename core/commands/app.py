"""`immutableid-sync app create|renew`: the app registration made (or its secret renewed) after one
interactive admin sign-in (graph-facts §10, issue 9). Prints the client id, tenant id and expiry; never
the secret, except once on request when there is no keyring to keep it in."""

from __future__ import annotations

import argparse
import sys
import threading
from dataclasses import replace

from core import logsetup
from core.commands.app_output import failure_text, print_result, progress_printer, show_secret_once
from core.commands.common import CliError, fail, resolve_connection
from core.commands.source_options import output_path
from core.commands.stopping import cancel_on_stop_signals
from core.exits import EXIT_BAD_INPUT, EXIT_CANCELLED, EXIT_CANNOT_CONNECT, EXIT_OK
from core.graph.clouds import Cloud
from core.graph.connection import Connection
from core.graph.signin import DEFAULT_SIGN_IN_CLIENT_ID, SignedIn, SignInError, sign_in
from core.messages import describe
from core.setup.appreg import (
    DEFAULT_NAME,
    AppRegError,
    NewApp,
    Options,
    create,
    remove_old_secret,
    renew,
    wait_until_ready,
)
from core.setup.names import ConnectionNameError, check_connection_name
from core.setup.profiles import ProfileStore
from core.setup.reminder import write_reminder
from core.setup.secrets import SecretStore


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("app", help="create the app registration (one admin sign-in), or renew "
                                               "its secret")
    actions = parser.add_subparsers(dest="app_action", metavar="ACTION")
    made = actions.add_parser("create", help="sign in as an admin and create the app registration")
    where = made.add_mutually_exclusive_group(required=True)
    where.add_argument("--tenant", metavar="ID_OR_DOMAIN", help="the tenant to create the app in")
    where.add_argument("--profile", metavar="FILE_OR_NAME", help="a profile file or saved connection naming the "
                                                                 "tenant (its client id is not used)")
    made.add_argument("--cloud", choices=[c.value for c in Cloud], help="national cloud (default: global)")
    made.add_argument("--name", default=DEFAULT_NAME, help=f'the app\'s name (default "{DEFAULT_NAME}")')
    made.add_argument("--no-optional-permissions", action="store_true",
                      help="ask only for User.ReadWrite.All (not Domain.Read.All, Application.Read.All, "
                           "RoleManagement.Read.Directory)")
    made.add_argument("--save-as", metavar="NAME", help="name of the saved connection (default: the tenant id)")
    made.add_argument("--certificate", action="store_true",
                      help="sign the app in with a self-signed certificate (its key kept in the keyring) instead "
                           "of a client secret; made anyway when the tenant's policy blocks secrets")
    _common(made)
    made.set_defaults(func=run_create)
    again = actions.add_parser("renew", help="add a new client secret (or certificate, for a certificate "
                                             "connection), prove it works, and store it")
    again.add_argument("--profile", metavar="FILE_OR_NAME", required=True, help="the saved connection")
    again.add_argument("--remove-old", action="store_true",
                       help="then delete the old secret (or certificate) from the app")
    _common(again)
    again.set_defaults(func=run_renew, tenant=None, client_id=None, cloud=None)
    parser.set_defaults(func=lambda args: _usage(parser))


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--secret-years", type=int, default=3, metavar="Y",
                        help="secret or certificate lifetime (default 3; the tenant's policy may allow less)")
    parser.add_argument("--reminder", metavar="FILE.ics", help="write a calendar reminder 30 days before expiry")
    parser.add_argument("--force", action="store_true", help="replace an existing --reminder file")
    parser.add_argument("--device-code", action="store_true",
                        help="sign in with a device code instead of the browser (many tenants block it)")
    parser.add_argument("--sign-in-client-id", default=DEFAULT_SIGN_IN_CLIENT_ID, metavar="GUID",
                        help="the public client that signs the admin in (default: Microsoft Graph Command "
                             "Line Tools)")
    parser.add_argument("--show-secret-once", action="store_true",
                        help="when no keyring can keep the secret, print it once instead of stopping")


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_BAD_INPUT


def run_create(args: argparse.Namespace) -> int:
    logsetup.setup_logging()
    cancel = threading.Event()
    with cancel_on_stop_signals(cancel):  # Ctrl-C stops between steps and says what exists
        try:
            base, store = _prepare(args)
            _refuse_saved_name(args.save_as)
            signed = _sign_in(base, args, cancel)
            base = replace(base, tenant=signed.tenant_id or base.tenant, name=args.save_as or signed.tenant_id)
            _refuse_saved_name(base.name)
        except CliError as exc:
            return fail(exc)
        options = Options(name=args.name.strip() or DEFAULT_NAME, secret_years=args.secret_years,
                          optional_roles=() if args.no_optional_permissions else Options().optional_roles,
                          certificate=args.certificate)
        progress = progress_printer()
        try:
            new = create(base, signed.token, options, progress, cancel=cancel)
            shown = _keep(new, store, args)
            if shown is None:
                return EXIT_CANNOT_CONNECT
            wait_until_ready(new.connection, new.secret.value, progress, created=new.created, cancel=cancel,
                             stopped_code="appreg_stopped_kept")
        except AppRegError as exc:
            print(failure_text(exc), file=sys.stderr)
            return EXIT_CANCELLED if exc.code.startswith("appreg_stopped") else EXIT_CANNOT_CONNECT
    print_result(new, options.name, shown, _reminder(args, new, options.name))
    return EXIT_OK


def _refuse_saved_name(name: str | None) -> None:
    """`app create` makes a new app: it never replaces a saved connection (and its stored secret)."""
    if name and ProfileStore().get(name) is not None:
        raise CliError(EXIT_BAD_INPUT, describe("appreg_name_saved").format(name=name))


def run_renew(args: argparse.Namespace) -> int:
    logsetup.setup_logging()
    try:
        conn, store = _prepare(args, need_client=True)
        signed = _sign_in(conn, args)
    except CliError as exc:
        return fail(exc)
    progress = progress_printer()
    old = store.credential_for(conn)
    cancel = threading.Event()
    try:
        with cancel_on_stop_signals(cancel):
            new = renew(conn, signed.token, progress, years=args.secret_years, old_secret=old, cancel=cancel)
            wait_until_ready(new.connection, new.secret.value, progress, created=new.created,
                             timeout_code="appreg_renew_not_proven", cancel=cancel)
    except AppRegError as exc:
        print(failure_text(exc), file=sys.stderr)
        return EXIT_CANCELLED if exc.code.startswith("appreg_stopped") else EXIT_CANNOT_CONNECT
    shown = _keep(new, store, args)
    if shown is None:
        return EXIT_CANNOT_CONNECT
    store.forget_replaced(conn, new.connection)
    old_kind = "certificate" if new.old_are_certificates else "secret"
    if args.remove_old and new.old_key_ids:
        removed = remove_old_secret(conn, signed.token, new)
        print(f"Removed {removed} old {old_kind}(s) from the app.")
    elif new.old_key_ids:
        print(f"The old {old_kind} still works until it expires (key id {', '.join(new.old_key_ids)}); add "
              "--remove-old to delete it.")
    print_result(new, new.name or conn.client_id, shown, _reminder(args, new, new.name or conn.client_id))
    return EXIT_OK


def _prepare(args: argparse.Namespace, need_client: bool = False) -> tuple[Connection, SecretStore]:
    """The connection to sign in against, and a keyring, or CliError (nothing is created yet)."""
    if not 1 <= args.secret_years <= 10:
        raise CliError(EXIT_BAD_INPUT, describe("appreg_bad_years"))
    if need_client:
        conn, _ = resolve_connection(args)
    else:
        if args.save_as is not None:
            try:
                check_connection_name(args.save_as)
            except ConnectionNameError as exc:
                raise CliError(EXIT_BAD_INPUT, f"--save-as: {exc.message}") from None
        args.client_id = None
        conn = _tenant_only(args)
    output_path("--reminder", args.reminder, args)  # before anything is created: exit 2 when it cannot be
    store = SecretStore()
    if not store.persistent and (not args.show_secret_once or getattr(args, "certificate", False)):
        raise CliError(EXIT_CANNOT_CONNECT, describe("appreg_keyring_missing"))
    return conn, store


def _tenant_only(args: argparse.Namespace) -> Connection:
    """The tenant (and cloud or sandbox URLs) for `app create`: a client id is not needed yet."""
    if args.profile:
        conn, _ = resolve_connection(argparse.Namespace(profile=args.profile, tenant=None, client_id=None,
                                                        cloud=args.cloud), require_client_id=False)
        return replace(conn, client_id="", name=None, secret_expires=None)
    conn = Connection(args.tenant, "", cloud=args.cloud or Cloud.GLOBAL)
    problems = [p for p in conn.validate() if p.field != "client_id"]
    if problems:
        raise CliError(EXIT_BAD_INPUT, "\n".join(f"--{p.field}: {describe(p.code)}" for p in problems))
    return conn


def _sign_in(conn: Connection, args: argparse.Namespace, cancel: threading.Event | None = None) -> SignedIn:
    def show(text: str) -> None:
        if not args.device_code:
            text = f"Sign in as an admin in your browser. If no browser opens, visit:\n  {text}"
        print(text, file=sys.stderr, flush=True)

    def no_browser(url: str) -> None:
        print(describe("signin_no_browser"), file=sys.stderr, flush=True)

    if args.device_code:
        print("Device-code sign-in: many tenants block it with Conditional Access.", file=sys.stderr)
    try:
        return sign_in(conn, show, client_id=args.sign_in_client_id, device_code=args.device_code, cancel=cancel,
                       no_browser=no_browser)
    except SignInError as exc:
        code = EXIT_CANCELLED if exc.code == "signin_stopped" else EXIT_CANNOT_CONNECT
        raise CliError(code, describe(exc.code) + (f"\n  ({exc.detail})" if exc.detail else "")) from None


def _keep(new: NewApp, store: SecretStore, args: argparse.Namespace) -> bool | None:
    """Store the credential and save the connection. True when the secret had to be shown instead; None
    when a certificate's key could not be kept (a private key is never printed: nothing can sign in)."""
    logsetup.register_secret(new.secret.value)
    if store.persistent and store.keep_credential(new.connection, new.secret.value):
        ProfileStore().save(new.connection)
        return False
    if new.secret.is_certificate:
        print(failure_text(AppRegError("appreg_keyring_failed_certificate", new.created,
                                       client_id=new.connection.client_id,
                                       name=new.name or getattr(args, "name", ""))), file=sys.stderr)
        return None
    ProfileStore().save(new.connection)
    show_secret_once(new, store.unavailable_reason)
    return True


def _reminder(args: argparse.Namespace, new: NewApp, name: str) -> str | None:
    if not args.reminder:
        return None
    conn = new.connection
    # Checked (and agreed to, when it existed) before the sign-in.
    return str(write_reminder(args.reminder, new.secret.expires.date(), conn.tenant, conn.client_id, name, conn.name,
                              replace=True, certificate=new.secret.is_certificate))
