"""mermaid_page.py MERMAID_JS FILE.mmd... - a page that renders each diagram
with Mermaid and prints, in its body, one line per diagram: "OK n" and
where each stage came out, or "ERR n message" (for tests/cli/export.sh,
with chromium --dump-dom; `check.py mermaid-order` reads it).

Where a stage is, as "stage:left:right": in a flowchart from the left of
its leftmost node to the right of its rightmost (the subgraph's box may
stretch further: Mermaid's helper nodes for a self loop widen it); in a
journey diagram the left of its section title (left:left).
"""
import json
import sys

js, files = sys.argv[1], sys.argv[2:]
srcs = [open(f, encoding="utf-8").read() for f in files]
print("""<!DOCTYPE html><html><head><meta charset="utf-8">
<script src="file://%s"></script></head><body><pre id="out"></pre>
<div id="work"></div><script>
mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
const STAGES = ['lzmot', 'zmot', 'fmot', 'smot', 'tmot'];
const HEADS = ['<ZMOT', 'ZMOT', 'FMOT', 'SMOT', 'TMOT'];
/* node -> stage, from the flowchart's subgraphs */
function stagesOf(src) {
  const m = {};
  let cur = null;
  for (const line of src.split('\\n')) {
    const sg = line.match(/^\\s*subgraph stage_(\\w+)/);
    const n = line.match(/^\\s+(t\\d+|empty_\\w+)[(\\[{]/);
    if (sg) cur = sg[1];
    else if (/^\\s*end\\s*$/.test(line)) cur = null;
    else if (cur && n) m[n[1]] = cur;
  }
  return m;
}
function where(div, src) {
  const span = {}, stage = stagesOf(src), found = [];
  div.querySelectorAll('g.node').forEach(g => {
    const k = (g.id.match(/-flowchart-(.+)-\\d+$/) || [])[1];
    const b = g.getBoundingClientRect();
    if (!stage[k]) return;
    const s = span[stage[k]] || (span[stage[k]] = [b.left, b.right]);
    s[0] = Math.min(s[0], b.left);
    s[1] = Math.max(s[1], b.right);
  });
  div.querySelectorAll('rect.journey-section').forEach(r => {
    const i = HEADS.findIndex(h => r.nextElementSibling.textContent.startsWith(h + ' \\u00b7'));
    const b = r.getBoundingClientRect();
    if (i >= 0) span[STAGES[i]] = [b.left, b.left];
  });
  for (const k in span)
    found.push(k + ':' + span[k][0].toFixed(1) + ':' + span[k][1].toFixed(1));
  return found;
}
(async () => {
  const log = [];
  const srcs = %s;
  for (let i = 0; i < srcs.length; i++) {
    try {
      const r = await mermaid.render('d' + i, srcs[i]);
      const div = document.createElement('div');
      div.innerHTML = r.svg;
      document.getElementById('work').appendChild(div);
      log.push('OK ' + i + ' ' + where(div, srcs[i]).join(' '));
      div.remove();
    } catch (e) { log.push('ERR ' + i + ' ' + e.message); }
  }
  document.getElementById('out').textContent = '\\n' + log.join('\\n') + '\\n';
})();
</script></body></html>""" % (js, json.dumps(srcs)))
