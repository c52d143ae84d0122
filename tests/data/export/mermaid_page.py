"""mermaid_page.py MERMAID_JS FILE.mmd... - a page that renders each diagram
with Mermaid and prints "OK n" or "ERR n message" in its body (for
tests/cli/export.sh, with chromium --dump-dom)."""
import json
import sys

js, files = sys.argv[1], sys.argv[2:]
srcs = [open(f, encoding="utf-8").read() for f in files]
print("""<!DOCTYPE html><html><head><meta charset="utf-8">
<script src="file://%s"></script></head><body><pre id="out"></pre><script>
mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
(async () => {
  const log = [];
  const srcs = %s;
  for (let i = 0; i < srcs.length; i++) {
    try { await mermaid.render('d' + i, srcs[i]); log.push('OK ' + i); }
    catch (e) { log.push('ERR ' + i + ' ' + e.message); }
  }
  document.getElementById('out').textContent = '\\n' + log.join('\\n') + '\\n';
})();
</script></body></html>""" % (js, json.dumps(srcs)))
