"""A throwaway CA and a server certificate for 127.0.0.1 / localhost (trustme), written to a temp dir.

Clients verify against `ca_bundle` (graph-facts §5: TLS verification is never switched off)."""

from __future__ import annotations

import ssl
import tempfile
from dataclasses import dataclass
from pathlib import Path

import trustme


@dataclass(frozen=True)
class Certificates:
    folder: Path
    ca_bundle: Path
    server_chain: Path
    server_key: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.minimum_version = ssl.TLSVersion.TLSv1_2  # Entra refuses older TLS (AADSTS1002016)
        context.load_cert_chain(str(self.server_chain), str(self.server_key))
        return context


def make_certificates(folder: Path | None = None) -> Certificates:
    folder = Path(folder or tempfile.mkdtemp(prefix="immutableid-sandbox-"))
    folder.mkdir(parents=True, exist_ok=True)
    ca = trustme.CA(organization_name="Immutable ID Sync sandbox")
    cert = ca.issue_cert("127.0.0.1", "localhost", "::1")
    ca_path = folder / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_path))
    chain = folder / "server.pem"
    chain.write_bytes(b"".join(blob.bytes() for blob in cert.cert_chain_pems))
    key = folder / "server.key"
    cert.private_key_pem.write_to_path(str(key))
    key.chmod(0o600)
    return Certificates(folder, ca_path, chain, key)
