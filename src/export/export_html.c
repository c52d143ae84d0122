/*
 * export_html.c - the journey map as one self-contained web page: the
 * picture of export_svg.c inline, then the touchpoints and the most
 * likely path as text.  Inline CSS, no script, and a Content-Security-
 * Policy that forbids fetching anything: the page works offline, from a
 * mail attachment or a wiki upload alike.  Print styles put the picture
 * on one A3 landscape page and the details after it: the path, every
 * touchpoint with its full name, the lanes in full, every transition.
 */
#include <stdio.h>
#include <stdlib.h>

#include "export.h"
#include "export_util.h"
#include "journey_path.h"
#include "util.h"

/*
 * On screen the picture takes the window's width; printed, the first
 * page is an A3 landscape sheet holding the heading and the picture,
 * scaled to fill what the heading leaves (a flex column of the page's
 * height), and the tables follow on the next pages.  Table cells break a
 * word only when it cannot fit otherwise (overflow-wrap:break-word; not
 * "anywhere", which broke "Stage" and "<ZMOT" in narrow columns).
 */
static const char html_style[] =
	"body{font-family:Helvetica,Arial,\"Liberation Sans\",\"DejaVu Sans\","
	"sans-serif;color:#1f2933;margin:16px 24px;line-height:1.4}\n"
	"h1{font-size:26px;margin:0 0 4px}\n"
	"h2{font-size:18px;margin:28px 0 8px}\n"
	".desc{color:#52606d;max-width:72em;margin:4px 0}\n"
	".meta{color:#52606d;font-size:13px;margin:4px 0}\n"
	"figure{margin:12px 0}\n"
	"figure svg{display:block;width:100%;height:auto}\n"
	".details{max-width:1600px}\n"
	"table{border-collapse:collapse;width:100%;font-size:13px}\n"
	"th,td{border-bottom:1px solid #e4e7eb;padding:4px 6px;text-align:left;"
	"vertical-align:top;overflow-wrap:break-word;word-break:normal}\n"
	"th{background:#f5f7fa;white-space:nowrap}\n"
	"td ul{margin:0;padding-left:1.1em}\n"
	".emo{display:inline-block;min-width:2.4em;text-align:center;"
	"border-radius:4px;font-weight:bold;white-space:nowrap}\n"
	".stage,.num{white-space:nowrap}\n"
	".num{text-align:right}\n"
	".off{color:#b2182b;font-weight:bold}\n"
	"ol.path{columns:3 18em;font-size:13px}\n"
	"@media print{@page{size:A3 landscape;margin:8mm}"
	"body{margin:0;font-size:10pt}"
	".sheet{height:279mm;display:flex;flex-direction:column;"
	"break-after:page}"
	"h1{font-size:18pt;margin:0}.desc,.meta{font-size:9pt;margin:1mm 0}"
	"figure{flex:1 1 auto;min-height:0;margin:2mm 0 0}"
	"figure svg{width:100%;height:100%}"
	".details{max-width:none}"
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

/* "1 persona", "3 personas" */
static const char *html_plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void html_head(FILE *out, const struct mot_journey *j)
{
	size_t n_tr = 0;

	for (size_t i = 0; i < j->n_touchpoints; i++)
		n_tr += j->touchpoints[i].n_next;
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, "
	      "initial-scale=1\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\""
	      "default-src 'none'; style-src 'unsafe-inline'\">\n"
	      "<meta name=\"generator\" content=\"mot\">\n<title>", out);
	export_xml_puts(out, j->title, true);
	fprintf(out, " \xe2\x80\x94 journey map</title>\n<style>\n%s</style>\n"
		"</head>\n<body>\n<div class=\"sheet\">\n<header>\n<h1>",
		html_style);
	export_xml_puts(out, j->title, true);
	fputs("</h1>\n", out);
	if (!util_str_empty(j->description)) {
		fputs("<p class=\"desc\">", out);
		html_text(out, j->description);
		fputs("</p>\n", out);
	}
	fputs("<p class=\"meta\">Journey <code>", out);
	export_xml_puts(out, j->key, true);
	fprintf(out, "</code> \xc2\xb7 %zu %s \xc2\xb7 %zu %s \xc2\xb7 %zu %s</p>\n"
		"</header>\n", j->n_touchpoints,
		html_plural(j->n_touchpoints, "touchpoint", "touchpoints"), n_tr,
		html_plural(n_tr, "transition", "transitions"), j->n_personas,
		html_plural(j->n_personas, "persona", "personas"));
}

static void html_touchpoint(FILE *out, const struct mot_touchpoint *tp,
			    size_t step)
{
	char emo[8];

	fputs("<tr><td class=\"num\">", out);
	if (step)
		fprintf(out, "%zu", step);
	fputs("</td><td class=\"stage\">", out);
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

/* Every transition: the picture draws only the loops. */
static void html_transitions(FILE *out, const struct mot_journey *j)
{
	char num[32];

	fputs("<h2>Transitions</h2>\n<table>\n<thead><tr><th>From</th>"
	      "<th>To</th><th>Weight</th><th>Share</th><th>Label</th>"
	      "<th>Loop</th></tr></thead>\n<tbody>\n", out);
	for (size_t i = 0; i < j->n_touchpoints; i++) {
		const struct mot_touchpoint *tp = &j->touchpoints[i];
		double sum = journey_out_weight(tp);

		for (size_t k = 0; k < tp->n_next; k++) {
			long to = model_touchpoint_find(j, tp->next[k].to);

			fputs("<tr><td>", out);
			html_text(out, tp->name);
			fputs("</td><td>", out);
			html_text(out, to >= 0 ? j->touchpoints[to].name :
				  tp->next[k].to);
			fprintf(out, "</td><td class=\"num\">%s</td><td class=\"num\">"
				"%.0f%%</td><td>", model_format_number(
					tp->next[k].weight, num, sizeof num),
				sum > 0 ? tp->next[k].weight / sum * 100 : 0);
			html_text(out, tp->next[k].label);
			fprintf(out, "</td><td>%s</td></tr>\n",
				journey_is_loop(i, to) ? "\xe2\x86\xa9 loop back" : "");
		}
	}
	fputs("</tbody>\n</table>\n", out);
}

static void html_list(FILE *out, const struct mot_list *l)
{
	fputs("<ul>", out);
	for (size_t i = 0; i < l->n; i++) {
		fputs("<li>", out);
		html_text(out, l->items[i]);
		fputs("</li>", out);
	}
	fputs("</ul>", out);
}

/* KPIs with their mark in words too: readable without colour. */
static void html_kpis(FILE *out, const struct mot_touchpoint *tp)
{
	fputs("<ul>", out);
	for (size_t i = 0; i < tp->n_kpis; i++) {
		const struct mot_kpi *k = &tp->kpis[i];
		char *text = export_kpi_text(k);

		fputs(model_kpi_missed(k) ? "<li class=\"off\">" : "<li>", out);
		html_text(out, text);
		fprintf(out, "%s</li>", export_kpi_mark(k));
		free(text);
	}
	fputs("</ul>", out);
}

static void html_lane_cell(FILE *out, const struct mot_touchpoint *tp,
			   enum mot_lane l)
{
	const struct mot_list *list = model_lane_list_const(tp, l);

	fprintf(out, "<td data-lane=\"%s\">", model_lane_key(l));
	if (list && list->n)
		html_list(out, list);
	else if (l == MOT_LANE_KPIS && tp->n_kpis)
		html_kpis(out, tp);
	else if (l == MOT_LANE_THINKING)
		html_text(out, tp->thinking);
	else if (l == MOT_LANE_BACKSTAGE)
		html_text(out, tp->backstage);
	fputs("</td>", out);
}

/* The lanes in full, a row per touchpoint that has any of them. */
static void html_lanes(FILE *out, const struct mot_journey *j, unsigned pick)
{
	if (!pick)
		return;
	fputs("<h2>Lanes</h2>\n<table class=\"lanes\">\n<thead><tr>"
	      "<th>Touchpoint</th>", out);
	for (int l = 0; l < MOT_LANE_COUNT; l++)
		if (pick & EXPORT_LANE_BIT(l))
			fprintf(out, "<th>%s</th>", model_lane_title(
					(enum mot_lane)l));
	fputs("</tr></thead>\n<tbody>\n", out);
	for (size_t i = 0; i < j->n_touchpoints; i++) {
		const struct mot_touchpoint *tp = &j->touchpoints[i];
		bool any = false;

		for (int l = 0; l < MOT_LANE_COUNT; l++)
			any |= pick & EXPORT_LANE_BIT(l) &&
				model_lane_filled(tp, (enum mot_lane)l);
		if (!any)
			continue;
		fprintf(out, "<tr data-key=\"%s\"><td><strong>", tp->key);
		html_text(out, tp->name);
		fputs("</strong></td>", out);
		for (int l = 0; l < MOT_LANE_COUNT; l++)
			if (pick & EXPORT_LANE_BIT(l))
				html_lane_cell(out, tp, (enum mot_lane)l);
		fputs("</tr>\n", out);
	}
	fputs("</tbody>\n</table>\n", out);
}

static void html_details(FILE *out, const struct mot_journey *j,
			 const struct export_options *opt)
{
	size_t *path = xcalloc(j->n_touchpoints + 1, sizeof *path);
	size_t *step = xcalloc(j->n_touchpoints + 1, sizeof *step);
	size_t n = journey_path_likely(j, path);

	fputs("<section class=\"details\">\n<h2>Most likely path</h2>\n", out);
	if (n == 0)
		fputs("<p>No entry: there is no path.</p>\n", out);
	else
		fputs("<ol class=\"path\">\n", out);
	for (size_t k = 0; k < n; k++) {
		step[path[k]] = k + 1;
		fputs("<li>", out);
		html_text(out, j->touchpoints[path[k]].name);
		fputs("</li>\n", out);
	}
	fputs(n ? "</ol>\n" : "", out);
	fputs("<h2>Touchpoints</h2>\n<table>\n<thead><tr><th>Step</th>"
	      "<th>Stage</th><th>Touchpoint</th><th>Phase</th><th>Channel</th>"
	      "<th>Owner</th><th>Emotion</th><th>Marks</th><th>Notes</th></tr>"
	      "</thead>\n<tbody>\n", out);
	for (size_t i = 0; i < j->n_touchpoints; i++)
		html_touchpoint(out, &j->touchpoints[i], step[i]);
	fputs("</tbody>\n</table>\n", out);
	html_lanes(out, j, export_lanes_pick(j, opt ? opt->lanes : 0,
					     EXPORT_LANES_ALL));
	html_transitions(out, j);
	fputs("</section>\n", out);
	free(path);
	free(step);
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
	export_svg_picture(out, j, sim ? &ov : NULL, opt ? opt->lanes : 0,
			   false);
	fputs("</figure>\n</div>\n", out);
	html_details(out, j, opt);
	fputs("</body>\n</html>\n", out);
	if (sim)
		export_overlay_free(&ov);
	return ferror(out) ? -1 : 0;
}
