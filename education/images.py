"""Pictures in the image library: upload checks, metadata stripping, renditions, markup.

An upload is opened with Pillow and refused unless it is a real JPEG, PNG, WebP or
(where this Pillow can read it) AVIF picture within the byte and pixel limits, so a
"decompression bomb" is never decoded. What is stored is a fresh encoding of the
pixels alone: EXIF (camera, GPS position, time), XMP and comments are left behind.

Renditions (WebP, AVIF where supported, several widths, and a 1200x630 share image)
are made once, when the picture is saved, by ``make_renditions``: pages only ever
link to files that already exist, so no request resizes anything.
"""

import io
import posixpath
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError, features

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a 48-megapixel phone photo must be resized first
MIN_SIDE = 200
RENDITION_WIDTHS = (400, 800, 1200)
SHARE_SIZE = (1200, 630)
AVIF_SUPPORTED = features.check("avif")

# Pillow's format name -> stored file extension.
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
if AVIF_SUPPORTED:
    ALLOWED_FORMATS["AVIF"] = "avif"

# Pillow refuses to open anything larger than this outright (DecompressionBombError).
PILImage.MAX_IMAGE_PIXELS = MAX_PIXELS * 2


def allowed_formats_text():
    return ", ".join(ALLOWED_FORMATS).replace(", AVIF", " or AVIF").replace(", WEBP", ", WebP")


def looks_like_svg(head: bytes) -> bool:
    text = head.lstrip().lower()
    return text.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in text[:1024]


def clean_upload(upload) -> ContentFile:
    """Check an uploaded picture and return it re-encoded without any metadata.

    Raises ValidationError with a message staff can act on.
    """
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            f"This file is {upload.size / 1024 / 1024:.1f} MB. Pictures can be at most "
            f"{MAX_UPLOAD_BYTES // 1024 // 1024} MB: save a smaller copy and upload that."
        )
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if looks_like_svg(head) or (upload.name or "").lower().endswith((".svg", ".svgz")):
        raise ValidationError(
            "SVG files cannot be uploaded, because they can carry scripts. Upload a "
            f"{allowed_formats_text()} picture instead."
        )
    try:
        with PILImage.open(upload) as picture:
            fmt = picture.format
            width, height = picture.size
            if fmt not in ALLOWED_FORMATS:
                raise ValidationError(
                    f"This is a {fmt} file. Upload a {allowed_formats_text()} picture."
                )
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    f"This picture is {width}×{height} pixels, more than "
                    f"{MAX_PIXELS // 1_000_000} megapixels. Save a smaller copy and upload that."
                )
            if min(width, height) < MIN_SIDE:
                raise ValidationError(
                    f"This picture is only {width}×{height} pixels. Upload one at least "
                    f"{MIN_SIDE} pixels on each side, so it looks sharp."
                )
            picture.load()  # decodes the pixels: a broken file fails here
            clean = strip_metadata(picture)
    except PILImage.DecompressionBombError:
        raise ValidationError(
            f"This picture has far more than {MAX_PIXELS // 1_000_000} megapixels. Save a "
            "smaller copy and upload that."
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise ValidationError(
            f"This file is not a picture that can be read. Upload a {allowed_formats_text()} file."
        ) from None
    return ContentFile(encode(clean, fmt), name=f"upload.{ALLOWED_FORMATS[fmt]}")


def strip_metadata(picture):
    """The pixels only, turned the way the camera meant (EXIF orientation applied)."""
    upright = ImageOps.exif_transpose(picture)
    if upright.mode not in ("RGB", "RGBA", "L", "LA"):
        upright = upright.convert("RGBA" if "transparency" in upright.info else "RGB")
    fresh = PILImage.new(upright.mode, upright.size)
    fresh.paste(upright)
    # A new image carries no info: no EXIF, XMP, comments or colour-profile blobs.
    return fresh


def encode(picture, fmt, **options) -> bytes:
    buffer = io.BytesIO()
    if fmt == "JPEG":
        if picture.mode not in ("RGB", "L"):
            picture = picture.convert("RGB")
        picture.save(buffer, "JPEG", quality=options.get("quality", 90), optimize=True)
    elif fmt == "PNG":
        picture.save(buffer, "PNG", optimize=True)
    elif fmt == "WEBP":
        picture.save(buffer, "WEBP", quality=options.get("quality", 85), method=5)
    elif fmt == "AVIF":
        picture.save(buffer, "AVIF", quality=options.get("quality", 60))
    return buffer.getvalue()


def upload_to(instance, filename):
    """A random stored name: nothing of the original file name is kept."""
    extension = posixpath.splitext(filename)[1].lower() or ".jpg"
    return f"images/{uuid.uuid4().hex}{extension}"


def rendition_widths(width):
    widths = [w for w in RENDITION_WIDTHS if w < width]
    top = min(width, RENDITION_WIDTHS[-1])
    return widths if top in widths else [*widths, top]


def make_renditions(image):
    """Write every rendition of ``image`` to its storage; return their description.

    The description is stored on the image (``Image.renditions``):
    ``{"webp": [[width, height, name], ...], "avif": [...], "share": [w, h, name]}``.
    """
    storage = image.file.storage
    stem = posixpath.splitext(posixpath.basename(image.file.name))[0]
    with image.file.open("rb") as source, PILImage.open(source) as picture:
        picture.load()
        if picture.mode not in ("RGB", "RGBA"):
            picture = picture.convert("RGBA" if "A" in picture.mode else "RGB")
        result = {"webp": [], "avif": []}
        formats = [("webp", "WEBP")] + ([("avif", "AVIF")] if AVIF_SUPPORTED else [])
        for width in rendition_widths(picture.width):
            height = round(picture.height * width / picture.width)
            resized = picture.resize((width, height), PILImage.Resampling.LANCZOS)
            for key, fmt in formats:
                name = storage.save(
                    f"images/renditions/{stem}-{width}.{key}",
                    ContentFile(encode(resized, fmt, quality=80 if key == "webp" else 55)),
                )
                result[key].append([width, height, name])
        share = ImageOps.fit(picture, SHARE_SIZE, PILImage.Resampling.LANCZOS)
        name = storage.save(
            f"images/renditions/{stem}-share.jpg", ContentFile(encode(share, "JPEG", quality=85))
        )
        result["share"] = [*SHARE_SIZE, name]
    return result


def stored_renditions(image):
    """The storage names of every rendition of ``image``."""
    names = [name for key in ("webp", "avif") for *_size, name in image.renditions.get(key, [])]
    if image.renditions.get("share"):
        names.append(image.renditions["share"][2])
    return names


def delete_files(storage, names):
    for name in names:
        if name:
            storage.delete(name)


def srcset(storage, renditions):
    return ", ".join(f"{storage.url(name)} {width}w" for width, _height, name in renditions)


PRIORITY = mark_safe(' fetchpriority="high"')
LAZY = mark_safe(' loading="lazy" decoding="async"')
DEFAULT_SIZES = "(min-width: 1200px) 740px, (min-width: 992px) 62vw, calc(100vw - 24px)"


def picture_html(image, *, sizes=DEFAULT_SIZES, priority=False, css_class="figure-img"):
    """A responsive <picture> for a library image, with its text alternative.

    ``priority`` marks the first large picture of a page: fetched early, not lazily.
    """
    webp = image.renditions.get("webp") or []
    if not webp:
        return ""
    storage = image.file.storage
    fallback_width, fallback_height, fallback_name = webp[min(1, len(webp) - 1)]
    widest = webp[-1]
    loading = PRIORITY if priority else LAZY
    sources = format_html_join(
        "",
        '<source type="image/{}" srcset="{}" sizes="{}">',
        [
            (key, srcset(storage, image.renditions[key]), sizes)
            for key in ("avif",)
            if image.renditions.get(key)
        ],
    )
    return format_html(
        '<picture>{}<img class="{}" src="{}" srcset="{}" sizes="{}" width="{}" height="{}" '
        'alt="{}"{}></picture>',
        sources,
        css_class,
        storage.url(fallback_name),
        srcset(storage, webp),
        sizes,
        widest[0],
        widest[1],
        image.alt,
        loading,
    )


def share_image_url(image):
    """The 1200x630 rendition for link previews (og:image), or "" if there is none."""
    share = image.renditions.get("share")
    return image.file.storage.url(share[2]) if share else ""


def thumbnail_url(image):
    webp = image.renditions.get("webp") or []
    return image.file.storage.url(webp[0][2]) if webp else ""


def default_rendition_url(image):
    webp = image.renditions.get("webp") or []
    return image.file.storage.url(webp[min(1, len(webp) - 1)][2]) if webp else ""
