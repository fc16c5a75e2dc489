"""Turn a configuration error into one clear line and a non-zero exit, not a traceback."""

import sys
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def or_exit(load: Callable[[], T]) -> T:
    from toronto_ai.settings.env import ConfigError

    try:
        return load()
    except ConfigError as exc:
        print(f"Configuration error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
