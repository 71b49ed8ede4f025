"""The "Where does it hurt?" map: the shapes drawn for each body region.

The map is one inline SVG (templates/includes/body_map.html) with a front and a
back outline. Each region is a real link (<a href> inside the SVG) made of one or
two round targets: focusable with the keyboard, named for screen readers, and
working without any script. A plain list of the same links sits beside it.

Coordinates are in the SVG's units; the map is drawn 440 units wide, so on a
390 px phone (about 366 px of content) one unit is 0.83 px and a target of
radius 16 is 27 px across, above the 24 px of WCAG 2.5.8.
"""

from dataclasses import dataclass

TARGET_RADIUS = 16
BACK_OFFSET = 230  # the back view is drawn to the right of the front view


@dataclass(frozen=True)
class RegionShape:
    slug: str
    name: str
    front: tuple = ()  # (x, y) centres of its targets on the front view
    back: tuple = ()  # and on the back view (before the offset)


REGION_SHAPES = [
    RegionShape("head", "Head", front=((105, 40),), back=((105, 40),)),
    RegionShape("neck", "Neck", front=((105, 84),), back=((105, 84),)),
    RegionShape(
        "shoulders", "Shoulders", front=((62, 108), (148, 108)), back=((62, 108), (148, 108))
    ),
    RegionShape("upper-back", "Upper back", back=((105, 140),)),
    RegionShape("lower-back", "Lower back", back=((105, 212),)),
    RegionShape("hip", "Hip", front=((74, 252), (136, 252)), back=((76, 258), (134, 258))),
    RegionShape("elbow", "Elbow", front=((38, 180), (172, 180))),
    RegionShape("wrist-and-hand", "Wrist and hand", front=((24, 256), (186, 256))),
    RegionShape("knee", "Knee", front=((84, 336), (126, 336))),
    RegionShape("ankle-and-foot", "Ankle and foot", front=((86, 420), (124, 420))),
]
SHAPES = {shape.slug: shape for shape in REGION_SHAPES}


def region_targets(regions):
    """``[(region, view, [(x, y), ...])]`` for the regions staff have, in map order."""
    by_slug = {region.slug: region for region in regions}
    targets = []
    for view in ("front", "back"):
        for shape in REGION_SHAPES:
            region = by_slug.get(shape.slug)
            points = getattr(shape, view)
            if region is None or not points:
                continue
            offset = BACK_OFFSET if view == "back" else 0
            targets.append((region, view, [(x + offset, y) for x, y in points]))
    return targets


def ensure_regions(region_model):
    """Create any missing region (the demo loader and tests; the migration does it too)."""
    for order, shape in enumerate(REGION_SHAPES, start=1):
        region_model.objects.get_or_create(
            slug=shape.slug, defaults={"name": shape.name, "order": order}
        )
