"""`immutableid-sync sandbox`: run the sandbox tenant in the foreground (contracts.md).

Prints one JSON connection line on stdout, writes it to --profile-out, runs until SIGINT/SIGTERM."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from pathlib import Path

from core.sandbox.config import FaultSpec, SandboxConfig, parse_quota
from core.sandbox.data import SeedError
from core.sandbox.state import StateError
from core.sandbox.tenant import DEFAULT_USERS, SandboxTenant

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sandbox", help="run a local stand-in for Microsoft login + Graph (for trying things out)",
        description="Runs the sandbox tenant until interrupted. Prints one JSON line with the connection.")
    parser.add_argument("--users", type=int, default=None, metavar="N",
                        help=f"make a synthetic school of N users (default {DEFAULT_USERS})")
    parser.add_argument("--seed", metavar="FILE", help="load tenant, apps and users from a seed file")
    parser.add_argument("--state", metavar="FILE",
                        help="keep the tenant in this file: loaded when it exists (then --users and --seed are "
                             "not needed), every change kept as it happens (a killed sandbox loses nothing)")
    parser.add_argument("--port", type=int, default=0, metavar="P", help="port on 127.0.0.1 (default: any free)")
    parser.add_argument("--profile-out", metavar="FILE", help="also write the connection JSON here")
    parser.add_argument("--latency-ms", metavar="X", default="0",
                        help="added latency per Graph request: X or X+JITTER milliseconds")
    parser.add_argument("--faults", metavar="SPEC", default="",
                        help='e.g. "429=0.05,503=0.03,504=0.01,drop=0.01,slow=0.02:1.5,seed=7"')
    parser.add_argument("--write-quota", metavar="Q/SECONDS", default=None,
                        help="writes per app per window (default 3000/150, as Entra)")
    parser.add_argument("--ru-quota", metavar="RU/SECONDS", default=None,
                        help="resource units per app per window (default by tenant size: 3500/5000/8000 per 10 s)")
    parser.add_argument("--token-lifetime", type=int, default=None, metavar="S",
                        help="access token lifetime in seconds (default 3599)")
    parser.add_argument("--no-throttling", action="store_true",
                        help="switch all quotas off (for measuring a client's own speed)")
    parser.add_argument("--replication-delay", type=float, default=0.0, metavar="SECONDS",
                        help="how long a new app, secret or consent takes to work for sign-in (default 0)")
    parser.add_argument("--auto-sign-in", action="store_true",
                        help="the sign-in page signs the seeded admin in at once (for headless tests)")
    parser.add_argument("--federation-delay", type=float, default=None, metavar="SECONDS",
                        help="how long the home-realm endpoint keeps its old answer after a domain's "
                             "federation changes (default 5; 0 = at once)")
    parser.add_argument("--idp-metadata-out", metavar="FILE",
                        help="also write the demo IdP's SAML metadata here (it is served at /idp/metadata.xml)")
    parser.set_defaults(func=run)


def build_config(args: argparse.Namespace) -> SandboxConfig:
    """Raises ValueError with a message naming the option to fix."""
    config = SandboxConfig()
    try:
        fixed, _, jitter = str(args.latency_ms).partition("+")
        config.latency_ms, config.jitter_ms = float(fixed), float(jitter or 0)
    except ValueError:
        raise ValueError(f"--latency-ms: '{args.latency_ms}' is not a number of milliseconds (or X+JITTER)") from None
    if config.latency_ms < 0 or config.jitter_ms < 0:
        raise ValueError("--latency-ms: must not be negative")
    try:
        config.faults = FaultSpec.parse(args.faults)
    except ValueError as exc:
        raise ValueError(f"--faults: {exc}") from None
    if args.write_quota:
        try:
            config.write_limit, config.write_window_s = parse_quota(args.write_quota)
        except ValueError as exc:
            raise ValueError(f"--write-quota: {exc}") from None
    if args.ru_quota:
        try:
            config.ru_limit, config.ru_window_s = parse_quota(args.ru_quota)
        except ValueError as exc:
            raise ValueError(f"--ru-quota: {exc}") from None
    if args.token_lifetime is not None:
        if args.token_lifetime < 1:
            raise ValueError("--token-lifetime: must be at least 1 second")
        config.token_lifetime_s = args.token_lifetime
    config.throttling = not args.no_throttling
    if getattr(args, "replication_delay", 0) < 0:
        raise ValueError("--replication-delay: must not be negative")
    config.replication_delay_s = getattr(args, "replication_delay", 0.0)
    config.auto_sign_in = getattr(args, "auto_sign_in", False)
    delay = getattr(args, "federation_delay", None)
    if delay is not None:
        if delay < 0:
            raise ValueError("--federation-delay: must not be negative")
        config.federation_delay_s = delay
    return config


def run(args: argparse.Namespace) -> int:
    try:
        config = build_config(args)
        if args.users is not None and args.users < 0:
            raise ValueError("--users: must be 0 or more")
        if args.seed and args.users is not None:
            raise ValueError("use either --seed or --users, not both")
        tenant = _tenant(args, config)
    except (ValueError, SeedError, StateError) as exc:
        print(f"immutableid-sync sandbox: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        tenant.start()
    except OSError as exc:
        print(f"immutableid-sync sandbox: cannot listen on port {args.port}: {exc.strerror or exc}",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return _serve(tenant, args)
    finally:
        tenant.stop()


def _tenant(args: argparse.Namespace, config: SandboxConfig) -> SandboxTenant:
    state_file = Path(args.state) if getattr(args, "state", None) else None
    if state_file is not None and state_file.exists():
        if args.seed or args.users is not None:
            raise ValueError(f"--state: {state_file} exists and holds the tenant; leave out --seed and --users "
                             "(or delete the file to start afresh)")
        try:
            return SandboxTenant.load_state(state_file, config=config, port=args.port)
        except OSError as exc:
            raise ValueError(f"--state: cannot read {state_file}: {exc.strerror or exc}") from None
    tenant = SandboxTenant(config, seed_path=args.seed, users=args.users, port=args.port)
    if state_file is not None:
        try:
            tenant.save_state(state_file)
        except OSError as exc:
            raise ValueError(f"--state: cannot write {state_file}: {exc.strerror or exc}") from None
    return tenant


def _serve(tenant: SandboxTenant, args: argparse.Namespace) -> int:
    line = json.dumps(tenant.connection_profile())
    if args.profile_out:
        out = Path(args.profile_out)
        # The sandbox's own throwaway secret; still keep the file private to this user.
        fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(line + "\n")
    if getattr(args, "idp_metadata_out", None):
        Path(args.idp_metadata_out).write_text(tenant.idp_metadata(), encoding="utf-8")
    print(line, flush=True)
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        while not stop.wait(0.5):
            pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print("sandbox tenant stopped", file=sys.stderr)
    return EXIT_OK
