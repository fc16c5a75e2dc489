"""Production settings plus one bare view (/bench/bare) as the throughput baseline."""

from toronto_ai.settings.production import *  # noqa: F403
from toronto_ai.settings.production import PAGE_CACHE_EXCLUDED_PREFIXES

ROOT_URLCONF = "bench.urls"
PAGE_CACHE_EXCLUDED_PREFIXES = (*PAGE_CACHE_EXCLUDED_PREFIXES, "/bench/")
