from django.dispatch import receiver

from moderation.services import log_action
from portal.signals import content_moderated


@receiver(content_moderated, dispatch_uid="moderation.log_content_moderated")
def log_content_moderated(sender, instance, action, actor, note="", **kwargs):
    log_action(actor=actor, action=action, target=instance, note=note)
