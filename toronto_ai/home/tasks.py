import logging

from celery import shared_task
from django.core.management import call_command

logger = logging.getLogger(__name__)


@shared_task(name="toronto_ai.home.tasks.ping")
def ping(payload: str = "pong") -> str:
    """Echo the payload: proves a worker is consuming from the broker (used by ops and tests)."""
    return payload


@shared_task(name="toronto_ai.home.tasks.publish_scheduled")
def publish_scheduled() -> None:
    """Publish pages whose 'go live' time has come and unpublish expired ones."""
    call_command("publish_scheduled")
    logger.info("publish_scheduled: done")
