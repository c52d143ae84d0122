"""check.py - read mot's exports back with real parsers and compare them
with the journey file, field by field.  One check per call:

  check.py csv  JOURNEY.yaml STREAM.csv [DIR]   csv module, both tables
  check.py md   JOURNEY.yaml RENDERED.html       cmark-gfm's HTML
  check.py mermaid JOURNEY.yaml FILE.mmd         the journey grammar's lexer
  check.py flow JOURNEY.yaml FILE.mmd            flowchart labels and links

Prints nothing and exits 0 when all is well, else says what differs.
"""
import csv
import html
import io
import re
import sys

import yaml

STAGES = ["lzmot", "zmot", "fmot", "smot", "tmot"]


def fail(msg):
    print(msg)
    sys.exit(1)


def load(path):
    j = yaml.safe_load(open(path, encoding="utf-8"))
    tps = j.get("touchpoints") or []
    # mot keeps touchpoints sorted by stage, in file order within one
    tps.sort(key=lambda t: STAGES.index(t["stage"]))
    return j, tps


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
    cell = re.sub(r"<br\s*/?>", "\n", cell)
    return html.unescape(re.sub(r"<[^>]+>", "", cell))


def check_md(j, tps, rendered):
    page = open(rendered, encoding="utf-8").read()
    if "<script" in page.lower():
        fail("md: a <script> element got through")
    tables = re.findall(r"<table>(.*?)</table>", page, re.S)
    rows = [cells(r) for t in tables for r in re.findall(r"<tr>(.*?)</tr>", t, re.S)]
    tp_rows = [r for r in rows if len(r) == 9 and r[0] != "Touchpoint"]
    if len(tp_rows) != len(tps):
        fail("md: %d touchpoint rows, wanted %d" % (len(tp_rows), len(tps)))
    for r, t in zip(tp_rows, tps):
        first = text(r[0])
        if not first.startswith(t["name"] + "\n" + t["key"]):
            fail("md: touchpoint cell %r, wanted %r" % (first, t["name"]))
        for col, field in ((2, "channel"), (3, "owner"), (8, "notes")):
            if text(r[col]) != t.get(field, ""):
                fail("md: %s %r, wanted %r" % (field, text(r[col]), t.get(field)))
    after = page.split("<h2>Transitions</h2>", 1)[1].split("<h2>", 1)[0]
    tr_rows = [cells(r) for r in re.findall(r"<tr>(.*?)</tr>", after, re.S)][1:]
    want = expect_transitions(j, tps)
    if len(tr_rows) != len(want):
        fail("md: %d transition rows, wanted %d" % (len(tr_rows), len(want)))
    for r, w in zip(tr_rows, want):
        if (text(r[0]), text(r[1]), text(r[4])) != (w[2], w[4], w[7]):
            fail("md: transition %r, wanted %r" % ([text(c) for c in r], w))
    title = re.search(r"<h1>(.*?)</h1>", page, re.S)
    if not title or text(title.group(1)) != j["title"].replace("\n", " "):
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


if __name__ == "__main__":
    kind, journey = sys.argv[1], sys.argv[2]
    j, tps = load(journey)
    {"csv": check_csv, "md": check_md, "mermaid": check_mermaid,
     "flow": check_flow}[kind](j, tps, *sys.argv[3:])
