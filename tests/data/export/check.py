"""check.py - read mot's exports back with real parsers and compare them
with the journey file, field by field.  One check per call:

  check.py csv  JOURNEY.yaml STREAM.csv [DIR]   csv module, both tables
  check.py md   JOURNEY.yaml RENDERED.html       cmark-gfm's HTML (safe mode),
                                                 notes and lanes included
  check.py mermaid JOURNEY.yaml FILE.mmd         the journey grammar's lexer
  check.py flow JOURNEY.yaml FILE.mmd            flowchart labels and links
  check.py mermaid-order DUMP NAME...            Mermaid rendered every
                                                 diagram, stages left to right

Prints nothing and exits 0 when all is well, else says what differs.
"""
import csv
import html
import io
import re
import sys

from picture import LANES, STAGES, fail, kpi_missed, lane_items, load

LANE_TITLES = ["Thinking and feeling", "Pain points", "Opportunities",
               "Backstage", "Evidence", "KPIs"]


def num(s):
    return float(s)


def yn(b):
    return "yes" if b else "no"


def expect_touchpoints(j, tps):
    return [[j["key"], t["key"], t["name"], t["stage"], t.get("phase", ""),
             t.get("channel", ""), t.get("owner", ""),
             yn(t.get("controlled", True)), str(t.get("emotion", 0)),
             yn(t.get("critical", False)), yn(t.get("human", False)),
             t.get("dwell", 0), yn(t.get("conversion", False)),
             t.get("drop", 0), t.get("notes", "")] + lanes(t) for t in tps]


def kpi_line(k):
    """The one-line KPI form of mot(1): NAME | VALUE | TARGET | UNIT | lower"""
    def esc(s):
        return s.replace("\\", "\\\\").replace("|", "\\|")

    def n(v):
        return repr(float(v)).removesuffix(".0") if float(v).is_integer() \
            else repr(float(v))
    parts = [esc(k["name"]), n(k["value"]),
             n(k["target"]) if "target" in k else "", esc(k.get("unit", "")),
             "lower" if k.get("better") == "lower" else ""]
    while parts[-1] == "":
        parts.pop()
    return " | ".join(parts).replace(" |  |", " | |").replace(" |  |", " | |")


def lanes(t):
    """The lane cells: text as is, lists and KPIs one a line."""
    return [t.get("thinking", ""), "\n".join(t.get("pains", [])),
            "\n".join(t.get("opportunities", [])), t.get("backstage", ""),
            "\n".join(t.get("evidence", [])),
            "\n".join(kpi_line(k) for k in t.get("kpis", []))]


def expect_transitions(j, tps):
    index = {t["key"]: i for i, t in enumerate(tps)}
    rows = []
    for i, t in enumerate(tps):
        nxt = t.get("next") or []
        total = sum(n.get("weight", 1) for n in nxt)
        for n in nxt:
            w = n.get("weight", 1)
            rows.append([j["key"], t["key"], t["name"], n["to"],
                         tps[index[n["to"]]]["name"], w, w / total,
                         n.get("label", ""), yn(index[n["to"]] <= i)])
    return rows


def neutral(rows, numbers):
    """Text cells as mot(1) writes them into CSV: one that begins with
    =, +, -, @, a tab or a CR gets a leading apostrophe (OWASP), so that a
    spreadsheet does not run it as a formula; numbers stay as they are."""
    return [[v if c in numbers or not isinstance(v, str) or v[:1] not in
             ("=", "+", "-", "@", "\t", "\r") else "'" + v
             for c, v in enumerate(row)] for row in rows]


def same(table, got, want, numeric):
    if len(got) != len(want):
        fail("%s: %d rows, wanted %d" % (table, len(got), len(want)))
    for r, (g, w) in enumerate(zip(got, want)):
        if len(g) != len(w):
            fail("%s row %d: %d fields, wanted %d" % (table, r, len(g), len(w)))
        for c, (gv, wv) in enumerate(zip(g, w)):
            ok = abs(num(gv) - wv) < 1e-4 if c in numeric else gv == wv
            if not ok:
                fail("%s row %d field %d: %r, wanted %r" % (table, r, c, gv, wv))


def check_csv(j, tps, stream, outdir=None):
    raw = open(stream, "rb").read()
    if b"\r\n" not in raw:
        fail("csv: no CRLF line ends")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    cut = rows.index([])
    tp_rows, tr_rows = rows[:cut], rows[cut + 1:]
    if tp_rows[0][:3] != ["journey", "key", "name"]:
        fail("csv: touchpoint header %r" % tp_rows[0])
    if tr_rows[0][:3] != ["journey", "from", "from_name"]:
        fail("csv: transition header %r" % tr_rows[0])
    same("touchpoints", tp_rows[1:],
         neutral(expect_touchpoints(j, tps), {8, 11, 13}), {11, 13})
    same("transitions", tr_rows[1:],
         neutral(expect_transitions(j, tps), {5, 6}), {5, 6})
    if outdir:
        for name, want in (("touchpoints", tp_rows), ("transitions", tr_rows)):
            path = "%s/%s-%s.csv" % (outdir, j["key"], name)
            data = open(path, "rb").read()
            if not data.startswith(b"\xef\xbb\xbf"):
                fail("%s: no UTF-8 byte-order mark" % path)
            got = list(csv.reader(io.StringIO(data.decode("utf-8-sig"),
                                              newline="")))
            if got != want:
                fail("%s differs from the stream's %s" % (path, name))


def cells(row_html):
    return re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row_html, re.S)


def text(cell):
    cell = re.sub(r"<br\s*/?>\n?", "\n", cell)
    return html.unescape(re.sub(r"<[^>]+>", "", cell))


def one_line(s):
    """A name as a table cell or heading shows it: line breaks as spaces."""
    return (s or "").replace("\n", " ")


def md_sections(page):
    """{heading text: body} of every <h3> touchpoint section."""
    parts = re.split(r"<h([23])>(.*?)</h\1>", page, flags=re.S)
    return [(text(parts[i + 1]), parts[i + 2]) for i in range(1, len(parts), 3)
            if parts[i] == "3"]


def md_lanes(t, body):
    """The notes and lanes of a touchpoint section against the file's."""
    paras = re.findall(r"<p>(.*?)</p>(\s*<ul>(.*?)</ul>)?", body, re.S)
    notes = [text(p) for p, _, _ in paras if not p.startswith("<strong>")]
    if notes != ([t["notes"].rstrip("\n")] if t.get("notes") else []):
        fail("md: notes of %s: %r" % (t["key"], notes))
    got = {}
    for p, _, ul in paras:
        m = re.match(r"<strong>(.*?):</strong>\s*(.*)", p, re.S)
        if m:
            got[m.group(1)] = ([text(li) for li in re.findall(r"<li>(.*?)</li>", ul, re.S)]
                               if ul else [text(m.group(2))])
    for lane, title in zip(LANES, LANE_TITLES):
        want = lane_items(t, lane)
        if lane == "kpis":
            want = [w + (" \u25bc off target" if kpi_missed(k) else
                         " \u25b2 on target" if "target" in k else "")
                    for w, k in zip(want, t.get("kpis") or [])]
        if lane in ("thinking", "backstage"):
            want = [w.rstrip("\n") for w in want]
        if got.get(title, []) != want:
            fail("md: %s of %s: %r, wanted %r" % (title, t["key"], got.get(title), want))


def check_md(j, tps, rendered):
    """cmark-gfm's HTML of the Markdown, rendered without --unsafe: raw
    HTML would be dropped, so text that needed it shows up wrong."""
    page = open(rendered, encoding="utf-8").read()
    if "<script" in page.lower() or "raw HTML omitted" in page:
        fail("md: holds raw HTML")
    tables = re.findall(r"<table>(.*?)</table>", page, re.S)
    rows = [cells(r) for t in tables for r in re.findall(r"<tr>(.*?)</tr>", t, re.S)]
    tp_rows = [r for r in rows if len(r) == 9 and r[0] != "Touchpoint"]
    if len(tp_rows) != len(tps):
        fail("md: %d touchpoint rows, wanted %d" % (len(tp_rows), len(tps)))
    for r, t in zip(tp_rows, tps):
        if text(r[0]) != one_line(t["name"]) or not text(r[1]).startswith(t["key"]):
            fail("md: touchpoint %r %r, wanted %r" % (text(r[0]), text(r[1]), t["name"]))
        for col, field in ((3, "channel"), (4, "owner")):
            if text(r[col]) != one_line(t.get(field, "")):
                fail("md: %s %r, wanted %r" % (field, text(r[col]), t.get(field)))
    sections = md_sections(page)
    for t in tps:
        if not t.get("notes") and not any(lane_items(t, lane) for lane in LANES):
            continue
        body = next((b for h, b in sections if h == one_line(t["name"])), None)
        if body is None:
            fail("md: no section for %s" % t["key"])
        md_lanes(t, body)
    after = page.split("<h2>Transitions</h2>", 1)[1].split("<h2>", 1)[0]
    tr_rows = [cells(r) for r in re.findall(r"<tr>(.*?)</tr>", after, re.S)][1:]
    want = expect_transitions(j, tps)
    if len(tr_rows) != len(want):
        fail("md: %d transition rows, wanted %d" % (len(tr_rows), len(want)))
    for r, w in zip(tr_rows, want):
        if (text(r[0]), text(r[1]), text(r[4])) != (one_line(w[2]), one_line(w[4]), w[7]):
            fail("md: transition %r, wanted %r" % ([text(c) for c in r], w))
    title = re.search(r"<h1>(.*?)</h1>", page, re.S)
    if not title or text(title.group(1)) != one_line(j["title"]):
        fail("md: title %r" % (title and title.group(1)))


KEYWORD = re.compile(r"(journey|title\s|section\s|acctitle|accdescr)", re.I)


def check_mermaid(j, tps, path):
    lines = open(path, encoding="utf-8").read().split("\n")
    if lines[0] != "journey":
        fail("mermaid: first line %r" % lines[0])
    tasks = 0
    for ln in lines[1:]:
        if "%%" in ln:
            fail("mermaid: '%%%%' starts a comment: %r" % ln)
        body = ln.strip()
        if not body:
            continue
        if body.startswith("title ") or body.startswith("section "):
            if re.search(r"[#;]", body) or (body.startswith("section") and ":" in body):
                fail("mermaid: %r" % ln)
            continue
        m = re.fullmatch(r"([^#:\n;]+): ([1-5])(?:: ([^#\n;:]+))?", body)
        if not m or KEYWORD.match(m.group(1)):
            fail("mermaid: task line %r does not lex as a task" % ln)
        if m.group(3) is not None and any(not a.strip() for a in m.group(3).split(",")):
            fail("mermaid: empty actor in %r" % ln)
        tasks += 1
    if tasks != len(tps):
        fail("mermaid: %d tasks, wanted %d" % (tasks, len(tps)))


def check_flow(j, tps, path):
    src = open(path, encoding="utf-8").read()
    if not src.startswith("flowchart LR\n"):
        fail("flow: header")
    labels = re.findall(r'"([^"\n]*)"', src)
    for lab in labels:
        rest = re.sub(r"#\d+;|<br/>|</?small>", "", lab)
        if re.search(r"[#<>&`\\:;%|]", rest):
            fail("flow: label %r holds a raw special character" % lab)
    if src.count('"') % 2:
        fail("flow: unbalanced quotes")
    want = len(expect_transitions(j, tps)) + len(j.get("entries") or [])
    links = len(re.findall(r"^  \S+ -\.?->\|", src, re.M))
    if links != want:
        fail("flow: %d links, wanted %d" % (links, want))


def check_mermaid_order(dump, names):
    """The lines of mermaid_page.py, one per diagram in NAME order: each
    rendered, its stages left to right (a flowchart's nodes of one stage
    all left of those of the next)."""
    lines = re.findall(r"^(OK|ERR) (\d+) ?(.*)$", open(dump, encoding="utf-8").read(), re.M)
    if len(lines) != len(names):
        fail("mermaid: %d diagrams rendered, wanted %d" % (len(lines), len(names)))
    for (status, n, rest), name in zip(lines, names):
        if status != "OK":
            fail("mermaid: %s: %s" % (name, rest))
        spots = [(STAGES.index(s), float(a), float(b)) for s, a, b in
                 (w.split(":") for w in rest.split())]
        order = [s for s, _, _ in sorted(spots, key=lambda x: x[1])]
        if not spots or order != sorted(order):
            fail("mermaid: %s: stages left to right: %s" %
                 (name, " ".join(STAGES[s] for s in order)))
        spots.sort()
        for a, b in zip(spots, spots[1:]):
            if a[2] > b[1] + 1:
                fail("mermaid: %s: %s overlaps %s" % (name, STAGES[a[0]], STAGES[b[0]]))


if __name__ == "__main__":
    if sys.argv[1] == "mermaid-order":
        check_mermaid_order(sys.argv[2], sys.argv[3:])
        sys.exit(0)
    kind, journey = sys.argv[1], sys.argv[2]
    j, tps = load(journey)
    {"csv": check_csv, "md": check_md, "mermaid": check_mermaid,
     "flow": check_flow}[kind](j, tps, *sys.argv[3:])
