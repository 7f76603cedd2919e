"""Durations as people read them ("1:02:03", "4:05") and as machines do ("PT1H2M3S")."""

import datetime


def _parts(value: datetime.timedelta) -> tuple[int, int, int]:
    total = max(int(value.total_seconds()), 0)
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return hours, minutes, seconds


def clock(value: datetime.timedelta | None) -> str:
    """timedelta(seconds=125) -> "2:05"; an hour or more -> "1:02:05"."""
    if value is None:
        return ""
    hours, minutes, seconds = _parts(value)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


def iso8601(value: datetime.timedelta | None) -> str:
    """For <time datetime="...">: timedelta(seconds=125) -> "PT2M5S"."""
    if value is None:
        return ""
    hours, minutes, seconds = _parts(value)
    text = "PT"
    if hours:
        text += f"{hours}H"
    if minutes:
        text += f"{minutes}M"
    if seconds or text == "PT":
        text += f"{seconds}S"
    return text
