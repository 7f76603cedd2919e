"""Uploaded images (blog covers, images in posts and comments): checked with Pillow, then
re-encoded, so only clean pixels reach the media storage.

- a real image in a format we accept (a text file named .jpg is refused);
- bounded bytes and dimensions, checked from the header before any pixel is decoded;
- decompression bombs refused (Pillow's DecompressionBombError, and its warning turned
  into an error), so a tiny file cannot claim gigapixels;
- re-encoded as JPEG with the EXIF orientation applied and every metadata block dropped
  (camera, GPS position), under a random name.
"""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MAX_SIDE = 4000
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
JPEG_QUALITY = 85

NOT_AN_IMAGE = gettext_lazy(
    "This file is not an image we can read. Please upload a JPEG, PNG, WebP or GIF."
)


def reencode_image(upload) -> ContentFile:
    """The upload as a clean JPEG, or ValidationError with a message for the form."""
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("This image is %(size)s; the limit is %(limit)s. Please upload a smaller one.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_BYTES)},
            code="too_big",
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                _check_header(image)
                image.load()
                data = _to_jpeg(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(_too_large_message(), code="bomb") from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(NOT_AN_IMAGE, code="invalid") from error
    return ContentFile(data, name=f"{uuid.uuid4().hex}.jpg")


def _check_header(image: Image.Image) -> None:
    if image.format not in ACCEPTED_FORMATS:
        raise ValidationError(NOT_AN_IMAGE, code="invalid")
    width, height = image.size
    if width > MAX_SIDE or height > MAX_SIDE:
        raise ValidationError(
            _("This image is %(width)s×%(height)s pixels; the limit is %(side)s×%(side)s.")
            % {"width": width, "height": height, "side": MAX_SIDE},
            code="too_large",
        )


def _too_large_message() -> str:
    return _("This image has far too many pixels; the limit is %(side)s×%(side)s.") % {
        "side": MAX_SIDE
    }


def _to_jpeg(image: Image.Image) -> bytes:
    image.seek(0)  # the first frame of an animation
    upright = ImageOps.exif_transpose(image)
    if upright.mode in ("RGBA", "LA", "P"):
        rgba = upright.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        upright = flat
    else:
        upright = upright.convert("RGB")
    buffer = io.BytesIO()
    upright.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return buffer.getvalue()
