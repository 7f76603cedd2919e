from messaging import sending


def make_conversation(sender, *recipients, body="Hello there"):
    return sending.start_conversation(
        sender=sender, recipients=list(recipients), body=body, token=None
    ).conversation
