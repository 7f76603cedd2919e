"""Checks for files editors upload: video (MP4/WebM), poster image, WebVTT captions.

Each check looks at the name's extension AND the file's first bytes, and bounds the
size, so a renamed file of another kind is refused whatever its name says.
"""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MAX_VIDEO_BYTES = 500 * 1024 * 1024
MAX_POSTER_BYTES = 5 * 1024 * 1024
MAX_POSTER_PIXELS = 4096 * 4096
MAX_CAPTIONS_BYTES = 1024 * 1024

VIDEO_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}
POSTER_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}
EBML_MAGIC = b"\x1a\x45\xdf\xa3"
EBML_DOCTYPE = b"\x42\x82\x84"


def extension(name: str) -> str:
    return PurePath(name or "").suffix.lower().lstrip(".")


def _head(file, size: int = 64) -> bytes:
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def _check_size(file, limit: int, what) -> None:
    if file.size > limit:
        raise ValidationError(
            _("The %(what)s is %(size)s; the limit is %(limit)s."),
            code="too_big",
            params={
                "what": what,
                "size": filesizeformat(file.size),
                "limit": filesizeformat(limit),
            },
        )


def sniff_video_type(head: bytes) -> str | None:
    """'mp4' for an ISO media file (an 'ftyp' box first); 'webm' for an EBML header whose
    DocType element (id 0x4282, one-byte size 0x84) says "webm", so Matroska is refused."""
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(EBML_MAGIC):
        doctype_at = head.find(EBML_DOCTYPE)
        if doctype_at > 0 and head[doctype_at + 3 : doctype_at + 7] == b"webm":
            return "webm"
    return None


# Top-level boxes of an ISO base media file (ISO/IEC 14496-12 and -14, plus Apple's).
MP4_TOP_LEVEL_BOXES = frozenset(
    {b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"uuid", b"moof", b"mfra",
     b"styp", b"sidx", b"ssix", b"prft", b"meta", b"pdin", b"emsg", b"udta"}
)  # fmt: skip
MAX_MP4_BOXES = 100_000


def mp4_boxes(file) -> list[bytes] | None:
    """The types of the top-level boxes if they tile the whole file exactly, else None.

    Each box starts with a 32-bit size and a 4-byte type; size 1 means a 64-bit size
    follows, size 0 means "to the end of the file". Only the headers are read."""
    total, offset, types = file.size, 0, []
    while offset < total and len(types) < MAX_MP4_BOXES:
        file.seek(offset)
        header = file.read(16)
        if len(header) < 8:
            return None
        size, kind = int.from_bytes(header[:4], "big"), header[4:8]
        if size == 1:
            size = int.from_bytes(header[8:16], "big") if len(header) == 16 else 0
            if size < 16:
                return None
        elif size == 0:
            size = total - offset
        if size < 8 or offset + size > total:
            return None
        types.append(kind)
        offset += size
    return types if offset == total else None


def is_mp4_container(file) -> bool:
    """An ftyp box first, only known top-level boxes to the end of the file, and a moov box:
    a video header followed by anything else (an HTML page) is refused."""
    try:
        types = mp4_boxes(file)
    finally:
        file.seek(0)
    return bool(
        types
        and types[0] == b"ftyp"
        and b"moov" in types
        and all(kind in MP4_TOP_LEVEL_BOXES for kind in types)
    )


def validate_video_file(file) -> None:
    ext = extension(file.name)
    if ext not in VIDEO_TYPES:
        raise ValidationError(_("Upload an MP4 or WebM video."), code="extension")
    _check_size(file, MAX_VIDEO_BYTES, _("video"))
    kind = sniff_video_type(_head(file))
    if kind != ext or (kind == "mp4" and not is_mp4_container(file)):
        raise ValidationError(
            _("This file is not a %(kind)s video, whatever its name says."),
            code="content",
            params={"kind": ext.upper()},
        )


def validate_poster(file) -> None:
    ext = extension(file.name)
    if ext not in POSTER_FORMATS:
        raise ValidationError(
            _("Upload the poster as a JPEG, PNG or WebP image."), code="extension"
        )
    _check_size(file, MAX_POSTER_BYTES, _("poster"))
    file.seek(0)
    try:
        with Image.open(file) as image:
            image_format, (width, height) = image.format, image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as error:
        raise ValidationError(_("This file is not a readable image."), code="content") from error
    finally:
        file.seek(0)
    if image_format != POSTER_FORMATS[ext]:
        raise ValidationError(
            _("This file is not a %(kind)s image, whatever its name says."),
            code="content",
            params={"kind": POSTER_FORMATS[ext]},
        )
    if width * height > MAX_POSTER_PIXELS:
        raise ValidationError(_("The poster is too large; 1280×720 is plenty."), code="pixels")


def validate_captions(file) -> None:
    if extension(file.name) != "vtt":
        raise ValidationError(_("Captions must be a WebVTT (.vtt) file."), code="extension")
    _check_size(file, MAX_CAPTIONS_BYTES, _("captions file"))
    file.seek(0)
    data = file.read()
    file.seek(0)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(_("Captions must be UTF-8 text."), code="encoding") from error
    first_line = text.split("\n", 1)[0].rstrip("\r")
    if not (first_line == "WEBVTT" or first_line.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise ValidationError(
            _("This is not a WebVTT file: it must start with “WEBVTT”."), code="content"
        )
