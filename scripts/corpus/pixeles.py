"""Compares the decoded pixels of pairs of images (original, stored copy), one pair per line of
the file given, separated by a tab; prints `igual`, `distinto` or `sin-decodificar` per pair.
Needs Pillow and pillow-heif (HEIC and AVIF)."""
import hashlib
import sys

from PIL import Image

try:
    import pillow_heif
    pillow_heif.register_heif_opener()
    if hasattr(pillow_heif, "register_avif_opener"):
        pillow_heif.register_avif_opener()
except ImportError:
    pass


def pixels(path):
    with Image.open(path) as image:
        frames = []
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            image.load()
            frames.append((image.mode, image.size, hashlib.sha256(image.tobytes()).hexdigest()))
        return frames


for line in open(sys.argv[1], encoding="utf-8"):
    original, stored = line.rstrip("\n").split("\t")
    try:
        before = pixels(original)
    except Exception:  # noqa: BLE001 - any decoder failure means "cannot compare"
        print("sin-decodificar")
        continue
    try:
        print("igual" if pixels(stored) == before else "distinto")
    except Exception:  # noqa: BLE001
        print("distinto")
