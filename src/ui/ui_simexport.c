/*
 * ui_simexport.c - `x` in workshop mode: the latest results, the saved
 * scenarios and the word-of-mouth series as CSV or JSON, and the heat map
 * picture (SVG, or HTML that prints) with the simulated visits and
 * drop-offs on every card.  Only what exists is offered: no results, no
 * results formats.
 *
 * Results and the word-of-mouth series are written as `mot simulate
 * --format json|csv` writes them (ws_write_outcome), so a file from the
 * workshop and one from a script read the same.  The picture goes through
 * the export module like `mot export -f svg --sim N --seed S`, with the
 * customers and seed of the last simulation.  Every file is written
 * atomically; a failure names the file and the reason.
 */
#include "ui_int.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "export.h"
#include "util.h"

/* The overlay of the picture is a few counters per card: more customers
 * than this add no visible precision, only a frozen screen. */
#define UI_SX_HEAT_MAX 1000000u

enum ui_sx_kind {
	UI_SX_RESULTS_JSON, UI_SX_RESULTS_CSV,
	UI_SX_SCEN_CSV, UI_SX_SCEN_JSON,
	UI_SX_WOM_CSV, UI_SX_WOM_JSON,
	UI_SX_SVG, UI_SX_HTML,
	UI_SX_COUNT
};

static const struct {
	const char *label;
	const char *file;        /* KEY-file is the default name */
} ui_sx_formats[UI_SX_COUNT] = {
	[UI_SX_RESULTS_JSON] = { "Results as JSON", "results.json" },
	[UI_SX_RESULTS_CSV] = { "Results as CSV", "results.csv" },
	[UI_SX_SCEN_CSV] = { "Scenarios as CSV", "scenarios.csv" },
	[UI_SX_SCEN_JSON] = { "Scenarios as JSON", "scenarios.json" },
	[UI_SX_WOM_CSV] = { "Word of mouth as CSV", "word-of-mouth.csv" },
	[UI_SX_WOM_JSON] = { "Word of mouth as JSON", "word-of-mouth.json" },
	[UI_SX_SVG] = { "Heat map as SVG", "heat-map.svg" },
	[UI_SX_HTML] = { "Heat map as HTML", "heat-map.html" },
};

/* --- scenarios -------------------------------------------------------- */

struct ui_sx_scen {
	const char *journey;
	const struct store_scenario *list;
	size_t n;
};

/* A number; not finite (no baseline: NAN) is null in JSON, empty in CSV. */
static void ui_sx_num(FILE *out, double v, bool json)
{
	char buf[40];

	if (isfinite(v))
		fputs(model_format_number(v, buf, sizeof buf), out);
	else if (json)
		fputs("null", out);
}

/* "2026-12-01T23:00:00Z" */
static void ui_sx_time(int64_t t, char *buf, size_t len)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (t <= 0 || !gmtime_r(&tt, &tm) ||
	    !strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm))
		buf[0] = '\0';
}

static const char *const ui_sx_csv_head =
	"name,created,customers,seed,persona,model,changes,"
	"base_conversion,base_conversion_lo,base_conversion_hi,"
	"conversion,conversion_lo,conversion_hi,"
	"difference,difference_lo,difference_hi,significant,base_nps,nps"
	UTIL_CSV_EOL;

static void ui_sx_csv_row(FILE *out, const struct store_scenario *sc)
{
	const double nums[] = { sc->base_conv, sc->base_lo, sc->base_hi,
		sc->conv, sc->conv_lo, sc->conv_hi, sc->diff, sc->diff_lo,
		sc->diff_hi };
	char when[40];

	ui_sx_time(sc->created, when, sizeof when);
	util_csv_field(out, sc->name);
	fprintf(out, ",%s,%llu,%llu,", when, (unsigned long long)sc->customers,
		(unsigned long long)sc->seed);
	util_csv_field(out, sc->persona);
	fprintf(out, ",%s,", sc->plain ? "plain" : "full");
	util_csv_field(out, sc->changes);
	for (size_t k = 0; k < sizeof nums / sizeof nums[0]; k++) {
		fputc(',', out);
		ui_sx_num(out, nums[k], false);
	}
	fprintf(out, ",%s,", sc->significant ? "yes" : "no");
	ui_sx_num(out, sc->base_nps, false);
	fputc(',', out);
	ui_sx_num(out, sc->nps, false);
	fputs(UTIL_CSV_EOL, out);
}

/* The report is not in the CSV: a whole results document per cell is
 * more than a spreadsheet cell holds; the JSON has it. */
static int ui_sx_scen_csv(FILE *out, void *ctx)
{
	const struct ui_sx_scen *s = ctx;

	fputs(ui_sx_csv_head, out);
	for (size_t i = 0; i < s->n; i++)
		ui_sx_csv_row(out, &s->list[i]);
	return ferror(out) ? -1 : 0;
}

/* "changes" as an array of its lines. */
static void ui_sx_json_lines(FILE *out, const char *text)
{
	const char *p = text ? text : "";
	bool first = true;

	fputc('[', out);
	while (*p) {
		size_t len = strcspn(p, "\n");
		char *line = xstrndup(p, len);

		if (len) {
			fputs(first ? "" : ",", out);
			util_json_str(out, line);
			first = false;
		}
		free(line);
		p += len + (p[len] ? 1 : 0);
	}
	fputc(']', out);
}

static void ui_sx_json_pair(FILE *out, const char *key, double v,
			    double lo, double hi)
{
	fprintf(out, ",\"%s\":", key);
	ui_sx_num(out, v, true);
	fprintf(out, ",\"%s_ci95\":[", key);
	ui_sx_num(out, lo, true);
	fputc(',', out);
	ui_sx_num(out, hi, true);
	fputc(']', out);
}

/* The stored report is JSON the workshop wrote: embedded as a value.  A
 * report that does not even look like JSON goes in as a string, so the
 * file stays valid whatever the database holds. */
static void ui_sx_json_report(FILE *out, const char *report)
{
	const char *p = report ? report + strspn(report, " \t\r\n") : "";

	if (*p == '{' || *p == '[')
		fputs(p, out);
	else if (*p)
		util_json_str(out, report);
	else
		fputs("null", out);
}

static void ui_sx_json_scen(FILE *out, const struct store_scenario *sc)
{
	char when[40];

	ui_sx_time(sc->created, when, sizeof when);
	fprintf(out, "{\"id\":%lld,\"name\":", (long long)sc->id);
	util_json_str(out, sc->name);
	fputs(",\"created\":", out);
	util_json_str(out, when);
	fprintf(out, ",\"customers\":%llu,\"seed\":%llu,\"persona\":",
		(unsigned long long)sc->customers, (unsigned long long)sc->seed);
	if (sc->persona)
		util_json_str(out, sc->persona);
	else
		fputs("null", out);
	fprintf(out, ",\"model\":\"%s\",\"changes\":",
		sc->plain ? "plain" : "full");
	ui_sx_json_lines(out, sc->changes);
	ui_sx_json_pair(out, "base_conversion", sc->base_conv, sc->base_lo,
			sc->base_hi);
	ui_sx_json_pair(out, "conversion", sc->conv, sc->conv_lo, sc->conv_hi);
	ui_sx_json_pair(out, "difference", sc->diff, sc->diff_lo, sc->diff_hi);
	fprintf(out, ",\"significant\":%s,\"base_nps\":",
		sc->significant ? "true" : "false");
	ui_sx_num(out, sc->base_nps, true);
	fputs(",\"nps\":", out);
	ui_sx_num(out, sc->nps, true);
	fputs(",\"report\":", out);
	ui_sx_json_report(out, sc->report);
	fputc('}', out);
}

static int ui_sx_scen_json(FILE *out, void *ctx)
{
	const struct ui_sx_scen *s = ctx;

	fputs("{\"journey\":", out);
	util_json_str(out, s->journey);
	fputs(",\"scenarios\":[", out);
	for (size_t i = 0; i < s->n; i++) {
		fputs(i ? ",\n" : "\n", out);
		ui_sx_json_scen(out, &s->list[i]);
	}
	fputs("]}\n", out);
	return ferror(out) ? -1 : 0;
}

/* --- results and word of mouth ---------------------------------------- */

struct ui_sx_outcome {
	enum sim_format f;
	const struct ws_outcome *o;
};

static int ui_sx_outcome(FILE *out, void *ctx)
{
	const struct ui_sx_outcome *x = ctx;

	return ws_write_outcome(out, x->f, x->o);
}

/* --- the flow --------------------------------------------------------- */

/* What the session has to export, in the order of the list. */
static size_t ui_sx_offer(const struct ui *ui, size_t n_scen,
			  enum ui_sx_kind *kinds)
{
	size_t n = 0;

	if (ui->ws.cur) {
		kinds[n++] = UI_SX_RESULTS_JSON;
		kinds[n++] = UI_SX_RESULTS_CSV;
	}
	if (n_scen) {
		kinds[n++] = UI_SX_SCEN_CSV;
		kinds[n++] = UI_SX_SCEN_JSON;
	}
	if (ui->ws.market && ui->ws.market->days) {
		kinds[n++] = UI_SX_WOM_CSV;
		kinds[n++] = UI_SX_WOM_JSON;
	}
	kinds[n++] = UI_SX_SVG;
	kinds[n++] = UI_SX_HTML;
	return n;
}

/* The list starts on what the screen below shows. */
static long ui_sx_pick(struct ui *ui, const enum ui_sx_kind *kinds, size_t n)
{
	const struct ui_screen *top = ui_top(ui);
	enum ui_sx_kind first = top == &ui_wom_screen ? UI_SX_WOM_CSV :
		top == &ui_scenarios_screen ? UI_SX_SCEN_CSV :
		UI_SX_RESULTS_JSON;
	const char *items[UI_SX_COUNT];
	long sel = 0;

	for (size_t i = 0; i < n; i++) {
		items[i] = ui_sx_formats[kinds[i]].label;
		if (kinds[i] == first)
			sel = (long)i;
	}
	return ui_pick(ui, "Export", items, n, sel);
}

/* The picture with the overlay of the last simulation's customers and
 * seed, simulated as `mot export --sim N --seed S` does (ws_heat_run), so
 * that both files come out the same. */
static int ui_sx_heat(struct ui *ui, enum ui_sx_kind k, const char *path,
		      char *err, size_t errlen)
{
	const struct export_format *f = export_find(k == UI_SX_SVG ? "svg" :
						    "html");
	struct export_options opt;
	struct export_sim es;
	struct ws_settings def;
	const struct ws_settings *set = &ui->ws.set;
	struct sim_result res;
	char why[512];
	int rc;

	if (set->customers == 0) {
		ws_settings_init(&def);
		set = &def;
	}
	if (!f) {
		snprintf(err, errlen, "no %s export in this build",
			 k == UI_SX_SVG ? "SVG" : "HTML");
		return -1;
	}
	if (ws_heat_run(&ui->view.j, set->customers < UI_SX_HEAT_MAX ?
			set->customers : UI_SX_HEAT_MAX, set->seed, &res, why,
			sizeof why) != 0) {
		snprintf(err, errlen, "the heat map needs a journey the "
			 "simulation can walk: %s", why);
		return -1;
	}
	es = (struct export_sim){ res.customers, res.n, res.reach, res.drops,
				  res.n_edges, res.flow };
	memset(&opt, 0, sizeof opt);
	opt.sim = &es;
	rc = export_write_file(f, path, &ui->view.j, &opt, err, errlen);
	sim_result_free(&res);
	return rc;
}

static int ui_sx_write(struct ui *ui, enum ui_sx_kind k, const char *path,
		       const struct ui_sx_scen *scen, char *err, size_t errlen)
{
	struct ui_sx_outcome x = { SIM_FMT_JSON, ui->ws.cur };

	switch (k) {
	case UI_SX_RESULTS_CSV:
	case UI_SX_WOM_CSV:
		x.f = SIM_FMT_CSV;
		break;
	default:
		break;
	}
	if (k == UI_SX_WOM_CSV || k == UI_SX_WOM_JSON)
		x.o = ui->ws.market;
	switch (k) {
	case UI_SX_RESULTS_JSON:
	case UI_SX_RESULTS_CSV:
	case UI_SX_WOM_CSV:
	case UI_SX_WOM_JSON:
		return util_write_atomic(path, ui_sx_outcome, &x, err, errlen);
	case UI_SX_SCEN_CSV:
		return util_write_atomic(path, ui_sx_scen_csv, (void *)scen, err,
					 errlen);
	case UI_SX_SCEN_JSON:
		return util_write_atomic(path, ui_sx_scen_json, (void *)scen,
					 err, errlen);
	default:
		return ui_sx_heat(ui, k, path, err, errlen);
	}
}

/* The file, asked for in the export folder (ui_export.c); NULL when
 * cancelled or refused. */
static char *ui_sx_path(struct ui *ui, enum ui_sx_kind k)
{
	char *file = xasprintf("%s-%s", ui->key, ui_sx_formats[k].file);
	char *path = ui_export_ask(ui, file);

	free(file);
	return path;
}

static void ui_sx_run(struct ui *ui, enum ui_sx_kind k,
		      const struct ui_sx_scen *scen)
{
	char *path = ui_sx_path(ui, k), err[600];

	if (!path)
		return;
	err[0] = '\0';
	errno = 0;
	if (ui_sx_write(ui, k, path, scen, err, sizeof err) == 0) {
		ui_message(ui, "Wrote %s (%s)", path, ui_sx_formats[k].label);
	} else {
		ui_export_failed(ui, path, err);
	}
	free(path);
}

void ui_sim_export(struct ui *ui)
{
	struct store_scenario *list = NULL;
	size_t n_scen = 0, n;
	enum ui_sx_kind kinds[UI_SX_COUNT];
	struct ui_sx_scen scen;
	long pick;

	if (!ui->key) {
		ui_error(ui, "Open a journey first");
		return;
	}
	/* No scenarios to offer when the store cannot list them now. */
	if (store_scenario_list(ui->store, ui->key, &list, &n_scen) !=
	    STORE_OK) {
		list = NULL;
		n_scen = 0;
	}
	n = ui_sx_offer(ui, n_scen, kinds);
	pick = ui_sx_pick(ui, kinds, n);
	scen.journey = ui->key;
	scen.list = list;
	scen.n = n_scen;
	if (pick >= 0 && !ui->quit)
		ui_sx_run(ui, kinds[pick], &scen);
	store_scenario_free(list, n_scen);
}
