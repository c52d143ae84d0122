/*
 * export_html.c - the journey map as one self-contained web page: the
 * picture of export_svg.c inline, then the touchpoints and the most
 * likely path as text.  Inline CSS, no script, and a Content-Security-
 * Policy that forbids fetching anything: the page works offline, from a
 * mail attachment or a wiki upload alike.  Print styles put the picture
 * on one landscape page and the details after it.
 */
#include <stdio.h>
#include <stdlib.h>

#include "export.h"
#include "export_util.h"
#include "journey_path.h"
#include "util.h"

static const char html_style[] =
	"body{font-family:Helvetica,Arial,\"Liberation Sans\",\"DejaVu Sans\","
	"sans-serif;color:#1f2933;margin:24px auto;max-width:1420px;"
	"padding:0 16px;line-height:1.4}\n"
	"h1{font-size:26px;margin:0 0 4px}\n"
	"h2{font-size:18px;margin:28px 0 8px}\n"
	".desc{color:#52606d;max-width:72em;margin:4px 0}\n"
	".meta{color:#52606d;font-size:13px;margin:4px 0}\n"
	"figure{margin:16px 0}\n"
	"figure svg{display:block;width:100%;height:auto}\n"
	"table{border-collapse:collapse;width:100%;font-size:13px}\n"
	"th,td{border-bottom:1px solid #e4e7eb;padding:4px 6px;text-align:left;"
	"vertical-align:top;overflow-wrap:anywhere}\n"
	"th{background:#f5f7fa}\n"
	".emo{display:inline-block;min-width:2.4em;text-align:center;"
	"border-radius:4px;font-weight:bold}\n"
	"ol.path{columns:3 18em;font-size:13px}\n"
	"@media print{@page{size:A3 landscape;margin:10mm}"
	"body{margin:0;max-width:none;padding:0;font-size:10pt}"
	"figure{break-inside:avoid}"
	"figure svg{max-height:245mm}"
	".details{break-before:page}"
	"tr{break-inside:avoid}thead{display:table-header-group}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

/* Text for HTML: escaped, line breaks kept as <br>. */
static void html_text(FILE *out, const char *s)
{
	for (const char *p = s; p && *p; p++) {
		const char *nl = p;

		while (*nl && *nl != '\n')
			nl++;
		export_xml_putn(out, p, (size_t)(nl - p), true);
		if (!*nl)
			break;
		fputs("<br>", out);
		p = nl;
	}
}

static void html_head(FILE *out, const struct mot_journey *j)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, "
	      "initial-scale=1\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\""
	      "default-src 'none'; style-src 'unsafe-inline'\">\n"
	      "<meta name=\"generator\" content=\"mot\">\n<title>", out);
	export_xml_puts(out, j->title, true);
	fprintf(out, " \xe2\x80\x94 journey map</title>\n<style>\n%s</style>\n"
		"</head>\n<body>\n<header>\n<h1>", html_style);
	export_xml_puts(out, j->title, true);
	fputs("</h1>\n", out);
	if (!util_str_empty(j->description)) {
		fputs("<p class=\"desc\">", out);
		html_text(out, j->description);
		fputs("</p>\n", out);
	}
	fputs("<p class=\"meta\">Journey <code>", out);
	export_xml_puts(out, j->key, true);
	fprintf(out, "</code> \xc2\xb7 %zu touchpoints \xc2\xb7 %zu personas</p>\n"
		"</header>\n", j->n_touchpoints, j->n_personas);
}

static void html_touchpoint(FILE *out, const struct mot_touchpoint *tp)
{
	char emo[8];

	fputs("<tr><td>", out);
	export_xml_puts(out, model_stage_label(tp->stage), true);
	fputs("</td><td><strong>", out);
	html_text(out, tp->name);
	fprintf(out, "</strong></td><td>%s</td><td>", model_phase_key(tp->phase));
	html_text(out, tp->channel);
	fputs("</td><td>", out);
	html_text(out, tp->owner);
	fprintf(out, "</td><td><span class=\"emo\" style=\"background:%s\">%s"
		"</span></td><td>%s%s%s%s</td><td>",
		export_emotion_fill(tp->emotion),
		export_emotion_str(tp->emotion, emo),
		tp->critical ? "critical " : "", tp->conversion ? "conversion " : "",
		tp->human ? "human " : "", tp->controlled ? "" : "not run by us");
	html_text(out, tp->notes);
	fputs("</td></tr>\n", out);
}

static void html_details(FILE *out, const struct mot_journey *j)
{
	size_t *path = xcalloc(j->n_touchpoints + 1, sizeof *path);
	size_t n = journey_path_likely(j, path);

	fputs("<section class=\"details\">\n<h2>Most likely path</h2>\n", out);
	if (n == 0)
		fputs("<p>No entry: there is no path.</p>\n", out);
	else
		fputs("<ol class=\"path\">\n", out);
	for (size_t k = 0; k < n; k++) {
		fputs("<li>", out);
		html_text(out, j->touchpoints[path[k]].name);
		fputs("</li>\n", out);
	}
	fputs(n ? "</ol>\n" : "", out);
	fputs("<h2>Touchpoints</h2>\n<table>\n<thead><tr><th>Stage</th>"
	      "<th>Touchpoint</th><th>Phase</th><th>Channel</th><th>Owner</th>"
	      "<th>Emotion</th><th>Marks</th><th>Notes</th></tr></thead>\n"
	      "<tbody>\n", out);
	for (size_t i = 0; i < j->n_touchpoints; i++)
		html_touchpoint(out, &j->touchpoints[i]);
	fputs("</tbody>\n</table>\n</section>\n", out);
	free(path);
}

int export_html(FILE *out, const struct mot_journey *j,
		const struct export_options *opt, char *err,
		size_t errlen)
{
	struct export_overlay ov;
	int sim = export_overlay_init(&ov, j, opt, err, errlen);

	if (sim < 0)
		return -1;
	html_head(out, j);
	fputs("<figure>\n", out);
	export_svg_picture(out, j, sim ? &ov : NULL, false);
	fputs("</figure>\n", out);
	html_details(out, j);
	fputs("</body>\n</html>\n", out);
	if (sim)
		export_overlay_free(&ov);
	return ferror(out) ? -1 : 0;
}
