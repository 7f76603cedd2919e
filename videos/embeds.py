"""Video provider URLs: parse a pasted link to (provider, id), and build the embed URL.

Only YouTube and Vimeo are accepted, and only the URL shapes listed below. The id is
checked against the provider's id pattern; the embed URL is built from that id alone
(never from pasted HTML or the pasted URL), on the providers' privacy-preserving hosts.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

YOUTUBE = "youtube"
VIMEO = "vimeo"
PROVIDER_NAMES = {YOUTUBE: "YouTube", VIMEO: "Vimeo"}

ID_PATTERNS = {
    YOUTUBE: re.compile(r"[A-Za-z0-9_-]{11}"),
    VIMEO: re.compile(r"[1-9][0-9]{0,11}"),
}
CANONICAL_URLS = {
    YOUTUBE: "https://www.youtube.com/watch?v={id}",
    VIMEO: "https://vimeo.com/{id}",
}
EMBED_URLS = {
    YOUTUBE: "https://www.youtube-nocookie.com/embed/{id}?autoplay=1",
    VIMEO: "https://player.vimeo.com/video/{id}?dnt=1&autoplay=1",
}

# Where a chapter starts: the players' own parameters, added to the URLs above.
EMBED_START = {YOUTUBE: "&start={seconds}", VIMEO: "#t={seconds}s"}
WATCH_START = {YOUTUBE: "&t={seconds}s", VIMEO: "#t={seconds}s"}

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com"}
YOUTU_BE_HOSTS = {"youtu.be", "www.youtu.be"}
NOCOOKIE_HOSTS = {"youtube-nocookie.com", "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com"}
VIMEO_PLAYER_HOSTS = {"player.vimeo.com"}

ACCEPTED_SHAPES = (
    "youtube.com/watch?v=ID, youtu.be/ID, youtube.com/embed/ID, youtube.com/shorts/ID, "
    "youtube-nocookie.com/embed/ID, vimeo.com/ID or player.vimeo.com/video/ID"
)


@dataclass(frozen=True)
class VideoSource:
    provider: str
    video_id: str

    @property
    def embed_url(self) -> str:
        return embed_url(self.provider, self.video_id)

    @property
    def canonical_url(self) -> str:
        """The plain watch page, stored instead of whatever was pasted (tracking etc.)."""
        return CANONICAL_URLS[self.provider].format(id=self.video_id)


def is_valid_id(provider: str, video_id: str) -> bool:
    pattern = ID_PATTERNS.get(provider)
    return bool(pattern and isinstance(video_id, str) and pattern.fullmatch(video_id))


def embed_url(provider: str, video_id: str, start: int = 0) -> str:
    """The player URL, built only from a validated id on the privacy-enhanced host;
    with `start` (whole seconds), the player begins there (a chapter)."""
    if not is_valid_id(provider, video_id):
        raise ValueError(f"Not a valid {provider!r} video id: {video_id!r}")
    url = EMBED_URLS[provider].format(id=video_id)
    return url + EMBED_START[provider].format(seconds=int(start)) if start > 0 else url


def watch_url(provider: str, video_id: str, start: int = 0) -> str:
    """The provider's own page for the video, at `start`: where a chapter link leads when
    the page's script cannot load the player (no JavaScript)."""
    url = CANONICAL_URLS[provider].format(id=video_id)
    return url + WATCH_START[provider].format(seconds=int(start)) if start > 0 else url


def parse_video_url(url: str) -> VideoSource:
    """A pasted YouTube or Vimeo link -> VideoSource; anything else raises ValidationError."""
    parts = _split(url)
    host = (parts.hostname or "").lower()
    segments = [segment for segment in parts.path.split("/") if segment]
    if host in YOUTUBE_HOSTS | YOUTU_BE_HOSTS | NOCOOKIE_HOSTS:
        return _checked(YOUTUBE, _youtube_id(host, segments, parts.query))
    if host in VIMEO_HOSTS | VIMEO_PLAYER_HOSTS:
        return _checked(VIMEO, _vimeo_id(host, segments))
    raise ValidationError(
        _(
            "Only YouTube and Vimeo links are accepted (%(host)s is neither). "
            "For another video, upload the file instead."
        ),
        code="host",
        params={"host": host or _("that address")},
    )


def _split(url: str):
    url = (url or "").strip()
    if not url:
        raise ValidationError(_("Paste the video's YouTube or Vimeo link."), code="empty")
    if "://" not in url:
        url = "https://" + url
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError on a malformed port)
    except ValueError as error:
        raise ValidationError(_("That is not a valid web address."), code="invalid") from error
    if parts.scheme.lower() not in {"http", "https"} or parts.username or parts.password:
        raise ValidationError(_("That is not a valid web address."), code="invalid")
    return parts


def _youtube_id(host: str, segments: list[str], query: str) -> str | None:
    if host in YOUTU_BE_HOSTS:
        return segments[0] if len(segments) == 1 else None
    if host in NOCOOKIE_HOSTS:
        return segments[1] if len(segments) == 2 and segments[0] == "embed" else None
    if segments == ["watch"]:
        values = parse_qs(query).get("v", [])
        return values[0] if len(values) == 1 else None
    if len(segments) == 2 and segments[0] in {"embed", "shorts", "live"}:
        return segments[1]
    return None


def _vimeo_id(host: str, segments: list[str]) -> str | None:
    if host in VIMEO_PLAYER_HOSTS:
        return segments[1] if len(segments) == 2 and segments[0] == "video" else None
    return segments[0] if len(segments) == 1 else None


def _checked(provider: str, video_id: str | None) -> VideoSource:
    name = PROVIDER_NAMES[provider]
    if video_id is None:
        raise ValidationError(
            _("This %(name)s link does not point to one video. Use one of: %(shapes)s."),
            code="shape",
            params={"name": name, "shapes": ACCEPTED_SHAPES},
        )
    if not is_valid_id(provider, video_id):
        raise ValidationError(
            _("“%(id)s” is not a valid %(name)s video id."),
            code="id",
            params={"id": video_id[:40], "name": name},
        )
    return VideoSource(provider, video_id)
