/*
 * export_csv.c - touchpoints and transitions as RFC 4180 CSV for
 * spreadsheets: UTF-8, a header row, CRLF line ends, fields quoted when
 * they hold a quote, comma, semicolon or line break.  A lane is one cell:
 * list items and KPIs one a line (LF) in it.  To a stream both
 * tables go one after the other, parted by an empty line; into a
 * directory (export_csv_write_dir) each gets its own file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "export_util.h"
#include "journey_path.h"
#include "util.h"

/* One field and its separator (util_csv_field quotes as needed). */
static void csv_field(FILE *out, const char *s, bool last)
{
	util_csv_field(out, s);
	fputs(last ? UTIL_CSV_EOL : ",", out);
}

/* A number as it is: never neutralised like text (util_csv_quote). */
static void csv_number(FILE *out, double v, bool last)
{
	char num[32];

	fputs(model_format_number(v, num, sizeof num), out);
	fputs(last ? UTIL_CSV_EOL : ",", out);
}

static const char *csv_bool(bool b)
{
	return b ? "yes" : "no";
}

/* A list lane in one cell, an item a line: items never hold a line
 * break (model.h), so the cell splits back into the same items. */
static void csv_list(FILE *out, const struct mot_list *l, bool last)
{
	struct strbuf b;

	strbuf_init(&b);
	for (size_t k = 0; k < l->n; k++)
		strbuf_printf(&b, "%s%s", k ? "\n" : "", l->items[k]);
	csv_field(out, b.s, last);
	strbuf_free(&b);
}

/* The KPIs in one cell, a KPI a line in model_kpi_format()'s form. */
static void csv_kpis(FILE *out, const struct mot_touchpoint *tp, bool last)
{
	struct strbuf b;

	strbuf_init(&b);
	for (size_t k = 0; k < tp->n_kpis; k++) {
		char *line = model_kpi_format(&tp->kpis[k]);
		strbuf_printf(&b, "%s%s", k ? "\n" : "", line);
		free(line);
	}
	csv_field(out, b.s, last);
	strbuf_free(&b);
}

static void csv_lanes(FILE *out, const struct mot_touchpoint *tp)
{
	csv_field(out, tp->thinking, false);
	csv_list(out, &tp->pains, false);
	csv_list(out, &tp->opportunities, false);
	csv_field(out, tp->backstage, false);
	csv_list(out, &tp->evidence, false);
	csv_kpis(out, tp, true);
}

static void csv_touchpoints(FILE *out, const struct mot_journey *j)
{
	fputs("journey,key,name,stage,phase,channel,owner,controlled,emotion,"
	      "critical,human,dwell,conversion,drop,notes,thinking,pains,"
	      "opportunities,backstage,evidence,kpis" UTIL_CSV_EOL, out);
	for (size_t i = 0; i < j->n_touchpoints; i++) {
		const struct mot_touchpoint *tp = &j->touchpoints[i];

		csv_field(out, j->key, false);
		csv_field(out, tp->key, false);
		csv_field(out, tp->name, false);
		csv_field(out, model_stage_key(tp->stage), false);
		csv_field(out, model_phase_key(tp->phase), false);
		csv_field(out, tp->channel, false);
		csv_field(out, tp->owner, false);
		csv_field(out, csv_bool(tp->controlled), false);
		fprintf(out, "%d,", tp->emotion);
		csv_field(out, csv_bool(tp->critical), false);
		csv_field(out, csv_bool(tp->human), false);
		csv_number(out, tp->dwell, false);
		csv_field(out, csv_bool(tp->conversion), false);
		csv_number(out, tp->drop, false);
		csv_field(out, tp->notes, false);
		csv_lanes(out, tp);
	}
}

static void csv_transitions(FILE *out, const struct mot_journey *j)
{
	fputs("journey,from,from_name,to,to_name,weight,share,label,loop"
	      UTIL_CSV_EOL, out);
	for (size_t i = 0; i < j->n_touchpoints; i++) {
		const struct mot_touchpoint *tp = &j->touchpoints[i];
		double sum = journey_out_weight(tp);

		for (size_t k = 0; k < tp->n_next; k++) {
			const struct mot_transition *t = &tp->next[k];
			long to = model_touchpoint_find(j, t->to);

			csv_field(out, j->key, false);
			csv_field(out, tp->key, false);
			csv_field(out, tp->name, false);
			csv_field(out, t->to, false);
			csv_field(out, to >= 0 ? j->touchpoints[to].name : "",
				  false);
			csv_number(out, t->weight, false);
			/* four decimals: a share, not a measurement */
			csv_number(out, sum > 0 ? (double)(long long)(
				t->weight / sum * 10000 + 0.5) / 10000 : 0, false);
			csv_field(out, t->label, false);
			csv_field(out, csv_bool(journey_is_loop(i, to)), true);
		}
	}
}

int export_csv(FILE *out, const struct mot_journey *j,
	       const struct export_options *opt, char *err,
	       size_t errlen)
{
	(void)opt;
	csv_touchpoints(out, j);
	fputs(UTIL_CSV_EOL, out);
	csv_transitions(out, j);
	return ferror(out) ? -1 : 0;
}

/* One table of the directory export, behind util_write_atomic_set(). */
struct csv_file {
	const struct mot_journey *j;
	void (*table)(FILE *out, const struct mot_journey *j);
};

static int csv_file_write(FILE *out, void *ctx)
{
	const struct csv_file *f = ctx;
	struct util_locale l;

	/* A byte-order mark: without it Excel reads UTF-8 as a legacy
	 * code page and garbles every accent. */
	fputs("\xef\xbb\xbf", out);
	util_locale_c_enter(&l);
	f->table(out, f->j);
	util_locale_c_leave(&l);
	return ferror(out) ? -1 : 0;
}

int export_csv_write_dir(const char *dir, const struct mot_journey *j,
			 const struct export_options *opt,
			 char *err, size_t errlen)
{
	struct csv_file f[2] = { { j, csv_touchpoints },
				 { j, csv_transitions } };
	char *path[2] = { xasprintf("%s/%s-touchpoints.csv", dir, j->key),
			  xasprintf("%s/%s-transitions.csv", dir, j->key) };
	struct util_write_job jobs[2] = { { path[0], csv_file_write, &f[0] },
					  { path[1], csv_file_write, &f[1] } };
	int rc;

	(void)opt;
	/* Both tables or neither: a spreadsheet must never pair the new
	 * touchpoints with the old transitions. */
	rc = util_write_atomic_set(jobs, 2, err, errlen);
	free(path[0]);
	free(path[1]);
	return rc;
}
