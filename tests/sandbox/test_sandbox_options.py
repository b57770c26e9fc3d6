"""The `sandbox` command's options become a SandboxConfig (no subprocess needed for these)."""

from __future__ import annotations

import argparse

import pytest

from core.sandbox import FaultSpec
from core.sandbox.command import build_config, register


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    return parser.parse_args(["sandbox", *argv])


def test_options_set_quotas_latency_faults_and_token_lifetime():
    config = build_config(_args("--write-quota", "200/2", "--ru-quota", "50/5", "--latency-ms", "20+5",
                                "--faults", "429=0.1,seed=4", "--token-lifetime", "90"))
    assert (config.write_limit, config.write_window_s) == (200, 2.0)
    assert (config.ru_limit, config.ru_window_s) == (50, 5.0)
    assert (config.latency_ms, config.jitter_ms) == (20.0, 5.0)
    assert config.faults == FaultSpec(p429=0.1, seed=4) and config.token_lifetime_s == 90
    assert config.throttling and not build_config(_args("--no-throttling")).throttling


def test_defaults_are_entras():
    config = build_config(_args())
    assert (config.write_limit, config.write_window_s, config.ru_limit) == (3000, 150.0, None)
    assert config.token_lifetime_s == 3599 and not config.faults.any


@pytest.mark.parametrize(("argv", "words"), [(["--write-quota", "0/5"], "--write-quota"),
                                             (["--ru-quota", "x"], "--ru-quota"),
                                             (["--token-lifetime", "0"], "--token-lifetime"),
                                             (["--latency-ms", "-3"], "--latency-ms")])
def test_bad_values_name_the_option(argv, words):
    with pytest.raises(ValueError, match=words):
        build_config(_args(*argv))
