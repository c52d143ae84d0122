"""picture.py - check the journey-map picture (svg, html) the way a person
looking at it would, with nothing but the standard library and PyYAML.

  picture.py geometry FILE.svg JOURNEY.yaml
      cards never overlap; every loop of the journey is drawn, and no loop
      arrow passes through a card (its path sampled, corners included);
      no two arrowheads touch; a lane's entry stands under its own card
      whenever the lane's row, as high as drawn, has room for that
  picture.py lanes JOURNEY.yaml FILE.svg FILE.html
      every lane of every touchpoint reads back: from the picture (the
      words drawn, or the tooltip where the picture cut them) and, in
      full, from the HTML page's lane table
  picture.py slide FILE.svg MIN_PX
      the picture fitted to a 1920x1080 slide: its card titles at least
      MIN_PX pixels high
  picture.py pdf JOURNEY.yaml BBOX.html MIN_PT
      pdftotext -bbox of the printed page: the picture is all on page 1
      (its legend there, the tables after), and the card titles on the
      page are at least MIN_PT points (measured against the 18 pt title)

Prints nothing and exits 0 when all is well, else says what is wrong.
"""
import html
import html.parser
import math
import re
import sys
import xml.etree.ElementTree as ET

import yaml

SVG = "{http://www.w3.org/2000/svg}"
STAGES = ["lzmot", "zmot", "fmot", "smot", "tmot"]
LANES = ["thinking", "pains", "opportunities", "backstage", "evidence", "kpis"]


def fail(msg):
    print(msg)
    sys.exit(1)


def load(path):
    j = yaml.safe_load(open(path, encoding="utf-8"))
    tps = j.get("touchpoints") or []
    # mot keeps touchpoints sorted by stage, in file order within one
    tps.sort(key=lambda t: STAGES.index(t["stage"]))
    return j, tps


def loops(tps):
    """(from, to) of every transition back to the same or an earlier card."""
    index = {t["key"]: i for i, t in enumerate(tps)}
    return [(i, index[n["to"]]) for i, t in enumerate(tps)
            for n in t.get("next") or [] if index[n["to"]] <= i]


# --- geometry ---------------------------------------------------------------

def path_points(d, step=2.0):
    """Points along an SVG path of M, L, Q and C commands (absolute), every
    `step` units or closer: curves are sampled, not taken as their chords."""
    tokens = re.findall(r"[MLQCZmlqcz]|-?[\d.]+(?:e-?\d+)?", d)
    pts, cur, i, cmd = [], (0.0, 0.0), 0, None
    while i < len(tokens):
        if tokens[i].isalpha():
            cmd = tokens[i]
            i += 1
            if cmd in "Zz":
                continue
        if cmd not in "MLQC":
            fail("path command %r not understood in %r" % (cmd, d))
        n = {"M": 2, "L": 2, "Q": 4, "C": 6}[cmd]
        v = [float(t) for t in tokens[i:i + n]]
        i += n
        if cmd == "M":
            cur = (v[0], v[1])
            pts.append(cur)
            cmd = "L"
            continue
        ctrl = [cur] + [(v[k], v[k + 1]) for k in range(0, n, 2)]
        length = sum(math.dist(ctrl[k], ctrl[k + 1]) for k in range(len(ctrl) - 1))
        steps = max(2, int(length / step) + 1)
        for s in range(1, steps + 1):
            t = s / steps
            p = ctrl
            while len(p) > 1:    # de Casteljau
                p = [((1 - t) * a[0] + t * b[0], (1 - t) * a[1] + t * b[1])
                     for a, b in zip(p, p[1:])]
            pts.append(p[0])
        cur = ctrl[-1]
    return pts


def rect(e):
    return tuple(float(e.get(k)) for k in ("x", "y", "width", "height"))


def inside(p, r, inset):
    x, y, w, h = r
    return x + inset < p[0] < x + w - inset and y + inset < p[1] < y + h - inset


def overlap(a, b):
    return (a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and
            a[1] < b[1] + b[3] and b[1] < a[1] + a[3])


def check_geometry(svg, journey):
    _, tps = load(journey)
    root = ET.parse(svg).getroot()
    cards = [rect(e) for e in root.iter(SVG + "rect") if e.get("class") == "mot-card"]
    if len(cards) != len(tps):
        fail("%d cards, wanted %d" % (len(cards), len(tps)))
    for i, a in enumerate(cards):
        for k in range(i):
            if overlap(a, cards[k]):
                fail("cards %d and %d overlap: %r %r" % (k, i, cards[k], a))
    paths = [e.get("d") for e in root.iter(SVG + "path") if e.get("class") == "mot-loop"]
    want = loops(tps)
    if len(paths) != len(want):
        fail("%d loop arrows, wanted %d" % (len(paths), len(want)))
    for d in paths:
        for p in path_points(d):
            for c, r in enumerate(cards):
                if inside(p, r, 0.5):
                    fail("loop %s passes through card %d (%s) at %.1f,%.1f" %
                         (d[:40], c, tps[c]["key"], p[0], p[1]))
    heads = []
    for e in root.iter(SVG + "polygon"):
        if e.get("class") == "mot-arrowhead":
            v = [float(t) for t in re.split(r"[ ,]+", e.get("points").strip())]
            heads.append(list(zip(v[::2], v[1::2])))
    for i, a in enumerate(heads):
        for b in heads[:i]:
            ca = [sum(c) / 3 for c in zip(*a)]
            cb = [sum(c) / 3 for c in zip(*b)]
            if math.dist(ca, cb) < 7:
                fail("arrowheads touch at %.1f,%.1f and %.1f,%.1f" % (*ca, *cb))
    check_under_cards(root, tps, cards)


def check_under_cards(root, tps, cards):
    """Lane entries under their own cards: a stage's entries may stand in
    another card column than their card's only when the stage's entries,
    each under its own card, would not fit in the row as drawn."""
    stage_of = {t["key"]: t["stage"] for t in tps}
    card_x = {t["key"]: cards[i][0] for i, t in enumerate(tps)}
    for row in root.iter(SVG + "g"):
        if row.get("class") != "mot-lane":
            continue
        entries = []    # (key, x drawn, height)
        for g in row.iter(SVG + "g"):
            if g.get("class") == "mot-lane-entry":
                texts = list(g.iter(SVG + "text"))
                entries.append((g.get("data-key"), float(texts[0].get("x")),
                                12 * len(texts) + 4))
        drawn, own = {}, {}
        for key, x, h in entries:
            drawn[x] = drawn.get(x, 0) + h
            at = (stage_of[key], card_x[key])
            own[at] = own.get(at, 0) + h
        tallest = max(drawn.values(), default=0)
        for stage in STAGES:
            need = max((h for (s, _), h in own.items() if s == stage), default=0)
            if need > tallest + 0.01:
                continue
            for key, x, _ in entries:
                if stage_of[key] == stage and abs(x - card_x[key]) > 0.01:
                    fail("lane %s: the entry of %s stands at x %.1f, not under "
                         "its card at %.1f, though the row has room" %
                         (row.get("data-lane"), key, x, card_x[key]))


# --- lanes --------------------------------------------------------------------

def num(v):
    """A number as mot writes it: the shortest form that reads back."""
    s = repr(float(v))
    return s[:-2] if s.endswith(".0") else s


def kpi_text(k):
    """export_kpi_text(): "CSAT 3.9 of 5 · target 4.5" """
    unit = k.get("unit") or ""
    s = "%s %s%s%s" % (k["name"], num(k["value"]),
                       " " if unit and not unit.startswith("%") else "", unit)
    if "target" in k:
        s += " \u00b7 target %s%s" % (
            "at most " if k.get("better") == "lower" else "", num(k["target"]))
    return s


def kpi_missed(k):
    if "target" not in k:
        return False
    if k.get("better") == "lower":
        return k["value"] > k["target"]
    return k["value"] < k["target"]


def lane_items(t, lane):
    """What lane holds for touchpoint t: a list of strings (text lanes:
    one string, line breaks kept)."""
    v = t.get(lane)
    if not v:
        return []
    if lane == "kpis":
        return [kpi_text(k) for k in v]
    return [v] if isinstance(v, str) else list(v)


def squeeze(s):
    return re.sub(r"\s+", "", s)


def check_svg_lanes(tps, svg):
    root = ET.parse(svg).getroot()
    drawn = set()
    for g in root.iter(SVG + "g"):
        if g.get("class") != "mot-lane-entry":
            continue
        lane, key = g.get("data-lane"), g.get("data-key")
        t = next((t for t in tps if t["key"] == key), None)
        if t is None or lane not in LANES:
            fail("svg: a lane entry of %r, %r" % (key, lane))
        drawn.add((key, lane))
        items = lane_items(t, lane)
        title = g.find(SVG + "title")
        if title is not None:
            # cut: the tooltip holds it all, one item a line
            want = t["name"] + ": " + ("".join("\n\u2022 " + i for i in items)
                                       if lane not in ("thinking", "backstage")
                                       else items[0])
            if title.text != want:
                fail("svg: tooltip of %s/%s %r, wanted %r" % (key, lane, title.text, want))
            continue
        texts = ["".join(e.itertext()) for e in g.iter(SVG + "text")]
        got = squeeze("".join(texts[1:]))
        if texts[0] != t["name"] or got != squeeze("".join(items)):
            fail("svg: %s/%s reads %r, wanted %r" % (key, lane, texts, items))
    for t in tps:
        for lane in LANES:
            if lane != "evidence" and lane_items(t, lane) and (t["key"], lane) not in drawn:
                fail("svg: %s has no %s drawn" % (t["key"], lane))


class Cells(html.parser.HTMLParser):
    """The cells of the lanes table: {(key, lane): [item or text, ...]}."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.cells, self.key, self.lane, self.buf = {}, None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr":
            self.key = a.get("data-key")
        elif tag == "td" and self.key and "data-lane" in a:
            self.lane = a["data-lane"]
            self.cells[(self.key, self.lane)] = []
            self.buf = ""
        elif tag == "li" and self.lane:
            self.buf = ""
        elif tag == "br" and self.buf is not None:
            self.buf += "\n"

    def handle_endtag(self, tag):
        if self.lane and tag in ("li", "td") and self.buf is not None:
            if tag == "li" or (tag == "td" and self.buf):
                self.cells[(self.key, self.lane)].append(self.buf)
            self.buf = None if tag == "li" else self.buf
        if tag == "td":
            self.lane, self.buf = None, None
        if tag == "li":
            self.buf = None

    def handle_data(self, data):
        if self.buf is not None:
            self.buf += data


def check_html_lanes(tps, page):
    p = Cells()
    p.feed(open(page, encoding="utf-8").read())
    for t in tps:
        for lane in LANES:
            want = lane_items(t, lane)
            if lane == "kpis":
                want = [w + (" \u25bc off target" if kpi_missed(k) else
                             " \u25b2 on target" if "target" in k else "")
                        for w, k in zip(want, t.get("kpis") or [])]
            got = p.cells.get((t["key"], lane), [])
            if got != want:
                fail("html: %s/%s reads %r, wanted %r" % (t["key"], lane, got, want))


def check_lanes(journey, svg, page):
    _, tps = load(journey)
    check_svg_lanes(tps, svg)
    check_html_lanes(tps, page)


def check_slide(svg, min_px):
    root = ET.parse(svg).getroot()
    scale = min(1920 / float(root.get("width")), 1080 / float(root.get("height")))
    sizes = [float(e.get("font-size")) * scale for e in root.iter(SVG + "text")
             if e.get("class") == "mot-name"]
    if not sizes or min(sizes) < min_px:
        fail("slide: card titles at %.1f px on 1920x1080, under %s" %
             (min(sizes, default=0), min_px))


# --- the printed page -------------------------------------------------------------

def check_pdf(journey, bbox, min_pt):
    """pdftotext -bbox output: <page> elements holding <word> boxes."""
    j, tps = load(journey)
    pages = re.findall(r"<page[^>]*>(.*?)</page>", open(bbox, encoding="utf-8").read(), re.S)
    words = [[(html.unescape(w), float(y0), float(y1)) for y0, y1, w in
              re.findall(r'<word xMin="[^"]*" yMin="([^"]*)" xMax="[^"]*" '
                         r'yMax="([^"]*)">(.*?)</word>', p)] for p in pages]
    first = " ".join(w for w, _, _ in words[0])
    if "step of the most likely path" not in first:
        fail("pdf: the picture's legend is not on page 1")
    if "Touchpoints" in first.split() or len(pages) < 2:
        fail("pdf: the tables begin on page 1, not after the picture")
    title = j["title"].split()[0]
    h1 = max((y1 - y0 for w, y0, y1 in words[0] if w == title), default=None)
    if h1 is None:
        fail("pdf: no title %r on page 1" % title)
    # the picture is under the meta line ("Journey KEY · ..."); a card's
    # title is the largest drawing of its first word there (the lanes
    # repeat names smaller)
    top = next(y1 for w, y0, y1 in words[0] if w == "Journey")
    sizes = []
    for t in tps:
        first_word = t["name"].split()[0]
        hs = [y1 - y0 for w, y0, y1 in words[0] if w == first_word and y0 > top]
        if hs:
            sizes.append((max(hs) / h1 * 18, t["name"]))
    if len(sizes) < len(tps) * 3 // 4:
        fail("pdf: only %d of %d card titles found on page 1" % (len(sizes), len(tps)))
    small = min(sizes)
    if small[0] < min_pt:
        fail("pdf: card title %r at %.1f pt, under %s pt" % (small[1], small[0], min_pt))


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "geometry":
        check_geometry(sys.argv[2], sys.argv[3])
    elif kind == "lanes":
        check_lanes(*sys.argv[2:5])
    elif kind == "slide":
        check_slide(sys.argv[2], float(sys.argv[3]))
    elif kind == "pdf":
        check_pdf(sys.argv[2], sys.argv[3], float(sys.argv[4]))
    else:
        fail("unknown check %r" % kind)
