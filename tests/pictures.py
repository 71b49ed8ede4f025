"""Pictures made in memory for the tests: nothing is read from the internet."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

CAMERA_MAKE = "PhoneCo"
CAMERA_MODEL = "PhoneCo Snap 12"


def jpeg_with_gps(width=900, height=600):
    """A JPEG carrying camera details and a GPS position, as a phone writes them."""
    picture = PILImage.new("RGB", (width, height), "#3b7f7a")
    exif = PILImage.Exif()
    exif[0x010F] = CAMERA_MAKE  # Make
    exif[0x0110] = CAMERA_MODEL  # Model
    exif[0x0132] = "2026:11:30 09:15:00"  # DateTime
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"  # GPSLatitudeRef
    gps[2] = (49.0, 12.0, 30.5)  # GPSLatitude
    gps[3] = "W"
    gps[4] = (122.0, 54.0, 10.0)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", exif=exif, quality=90)
    return buffer.getvalue()


def png(width=800, height=500, colour="#0b5e5a"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def png_header_only(width, height):
    """A valid PNG header claiming ``width`` x ``height`` pixels: a decompression bomb."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))


def upload(data, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)
