from django.dispatch import receiver

from core.signals import content_moderated
from moderation.services import log_action


@receiver(content_moderated, dispatch_uid="moderation.log_content_moderated")
def log_content_moderated(sender, instance, action, actor, note="", **kwargs):
    log_action(actor=actor, action=action, target=instance, note=note)
