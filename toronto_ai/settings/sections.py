"""Settings of the site's sections, read from the environment like the rest (see README)."""

from .env import env_float, env_int, env_list, env_str

# --- blog settings ---
BLOG_FEED_TIMEOUT = env_int("BLOG_FEED_TIMEOUT", 10)  # seconds per external feed request
BLOG_FEED_MAX_BYTES = 5 * 1024 * 1024
# Comments: per-IP limit (shared spam defences, toronto_ai.contact.spam) and the least time
# between two "comments are waiting" e-mails to editors.
BLOG_COMMENT_RATE_LIMIT = env_int("BLOG_COMMENT_RATE_LIMIT", 5)
BLOG_COMMENT_RATE_WINDOW = env_int("BLOG_COMMENT_RATE_WINDOW", 3600)
BLOG_COMMENT_NOTIFY_INTERVAL = env_int("BLOG_COMMENT_NOTIFY_INTERVAL", 3600)

# --- meetups settings ---
# Calendar UIDs end in this domain so they stay globally unique and stable across hosts.
# (MEETUPS_TIME_ZONE is set in base.py: the site's TIME_ZONE.)
MEETUPS_CALENDAR_UID_DOMAIN = "torontoai.org"
MEETUPS_PAST_PER_PAGE = 12

# --- jobs settings ---
# The Indeed scraper (jobs/fetch.py, jobs/pipeline.py). Be polite: a few pages, slowly, rarely.
JOBS_INDEED_BASE_URL = env_str("JOBS_INDEED_BASE_URL", "https://ca.indeed.com")
JOBS_USER_AGENT = env_str(
    "JOBS_USER_AGENT",
    "TorontoAIJobsBot/1.0 (+https://torontoai.org/jobs/; jobs board of the Toronto AI community)",
)
JOBS_CONNECT_TIMEOUT = env_float("JOBS_CONNECT_TIMEOUT", 5.0)
JOBS_READ_TIMEOUT = env_float("JOBS_READ_TIMEOUT", 20.0)
JOBS_PAUSE_SECONDS = env_float("JOBS_PAUSE_SECONDS", 8.0)  # between two requests ...
JOBS_PAUSE_JITTER_SECONDS = env_float("JOBS_PAUSE_JITTER_SECONDS", 4.0)  # ... plus up to this much at random
JOBS_MAX_PAGES_PER_QUERY = env_int("JOBS_MAX_PAGES_PER_QUERY", 3)
JOBS_MAX_RETRIES = env_int("JOBS_MAX_RETRIES", 3)  # on 429 / 5xx / timeouts, with exponential backoff
JOBS_BACKOFF_SECONDS = env_float("JOBS_BACKOFF_SECONDS", 15.0)
JOBS_MAX_RETRY_AFTER_SECONDS = env_float("JOBS_MAX_RETRY_AFTER_SECONDS", 600.0)  # longer: give up this run
JOBS_EXPIRE_AFTER_DAYS = env_int("JOBS_EXPIRE_AFTER_DAYS", 14)  # not seen for this long: expired
JOBS_MAX_POSTING_AGE_DAYS = env_int("JOBS_MAX_POSTING_AGE_DAYS", 60)  # posted longer ago: expired
JOBS_RUN_LOCK_SECONDS = env_int("JOBS_RUN_LOCK_SECONDS", 3 * 3600)
JOBS_PER_PAGE = 20
# A posting is kept when its title or description contains one of these (whole words, any case).
JOBS_RELEVANCE_TERMS = [
    "AI",
    "A.I.",
    "artificial intelligence",
    "machine learning",
    "ML",
    "deep learning",
    "neural network",
    "data scientist",
    "data science",
    "NLP",
    "natural language processing",
    "computer vision",
    "LLM",
    "large language model",
    "generative",
    "GenAI",
    "MLOps",
    "reinforcement learning",
    "PyTorch",
    "TensorFlow",
    "applied scientist",
    "research scientist",
]

# --- contact settings ---
# Shared spam defences (toronto_ai.contact.spam): time trap bounds. The client address comes
# from the same module's client_ip(), with TRUSTED_PROXY_COUNT (above).
SPAM_TIME_TRAP_MIN_SECONDS = env_int("SPAM_TIME_TRAP_MIN_SECONDS", 3)
SPAM_TIME_TRAP_MAX_AGE = env_int("SPAM_TIME_TRAP_MAX_AGE", 24 * 3600)
# Contact form: per-IP limit, delivery retries (exponential backoff from CONTACT_RETRY_BACKOFF
# seconds, capped), when the periodic task re-sends, and who gets mail when no site setting names anyone.
CONTACT_RATE_LIMIT = env_int("CONTACT_RATE_LIMIT", 5)
CONTACT_RATE_WINDOW = env_int("CONTACT_RATE_WINDOW", 3600)
CONTACT_EMAIL_MAX_RETRIES = env_int("CONTACT_EMAIL_MAX_RETRIES", 5)
CONTACT_RETRY_BACKOFF = env_int("CONTACT_RETRY_BACKOFF", 30)
CONTACT_RETRY_BACKOFF_MAX = env_int("CONTACT_RETRY_BACKOFF_MAX", 900)
CONTACT_RESEND_PENDING_AFTER = env_int("CONTACT_RESEND_PENDING_AFTER", 1800)
CONTACT_RESEND_FAILED_AFTER = env_int("CONTACT_RESEND_FAILED_AFTER", 3600)
CONTACT_DELIVERY_MAX_ATTEMPTS = env_int("CONTACT_DELIVERY_MAX_ATTEMPTS", 60)
CONTACT_ACK_INTERVAL = env_int("CONTACT_ACK_INTERVAL", 3600)
CONTACT_FALLBACK_RECIPIENTS = env_list("CONTACT_FALLBACK_RECIPIENTS", ["hello@torontoai.org"])
