/*
 * cmd_sim.c - `mot simulate` and `mot analyze`: options, the journey from
 * the database, the engine (include/sim.h), the report.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "sim.h"
#include "util.h"

/* Long options without a short form. */
enum { OPT_PERSONA = 256, OPT_PLAIN, OPT_SET, OPT_COMPARE, OPT_DAYS,
       OPT_MARKET, OPT_P, OPT_Q, OPT_QD, OPT_TRACE, OPT_TRACE_CUSTOMERS };

/* Customers in the event log unless --trace-customers says otherwise. */
#define CMD_SIM_TRACE_DEFAULT 1000u

struct cmd_sim_args {
	struct sim_options opt;
	struct sim_run run;
	struct sim_market mk;
	enum sim_format format;
	char **sets;
	size_t n_sets;
	bool compare, market, market_opts;
	bool p_set, q_set, qd_set; /* --p, --q, --qd given */
	const char *key;
	const char *trace;        /* --trace FILE.csv|FILE.xes, or NULL */
	uint64_t trace_customers; /* at most this many in it */
	bool trace_opts;          /* --trace-customers was given */
};

/* --- progress on stderr ------------------------------------------------- */

struct cmd_progress {
	struct timespec start;
	double last;
	bool shown;
	const char *unit;     /* what is counted: "customers" */
};

static double cmd_elapsed(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	       (double)(t.tv_nsec - t0->tv_nsec) * 1e-9;
}

/* A bar only for runs past a second, at most ten redraws a second; it
 * goes to stderr, and only when that is a terminal (see cmd_sim_go). */
static void cmd_progress(void *ctx, uint64_t done, uint64_t total)
{
	struct cmd_progress *p = ctx;
	double t = cmd_elapsed(&p->start), f = (double)done / (double)total;
	int width = 30, fill = (int)(f * width);

	if (done >= total) {
		if (p->shown)
			fputs("\r\033[K", stderr);
		return;
	}
	if (t < 1.0 || t - p->last < 0.1)
		return;
	p->last = t;
	p->shown = true;
	fprintf(stderr, "\r[%.*s%*s] %3.0f%%  %llu of %llu %s", fill,
		"##############################", width - fill, "", 100 * f,
		(unsigned long long)done, (unsigned long long)total, p->unit);
	fflush(stderr);
}

/* --- options ------------------------------------------------------------ */

static int cmd_sim_format(const char *cmd, const char *s, enum sim_format *f)
{
	int v = sim_format_parse(s);

	if (v < 0) {
		cli_error("%s: --format: unknown format '%s' (text, json or csv)",
			  cmd, s);
		return -1;
	}
	*f = (enum sim_format)v;
	return 0;
}

static void cmd_sim_add_set(struct cmd_sim_args *a, char *s)
{
	a->sets = xrealloc(a->sets, (a->n_sets + 1) * sizeof *a->sets);
	a->sets[a->n_sets++] = s;
}

/* One option of simulate; -1 after a message. */
static int cmd_sim_option(struct cmd_sim_args *a, int c)
{
	unsigned long v;

	switch (c) {
	case 'n':
		if (cli_parse_ulong("--customers", optarg, 1, SIM_MAX_CUSTOMERS,
				    &v))
			return -1;
		a->run.customers = v;
		return 0;
	case 's':
		if (cli_parse_ulong("--seed", optarg, 0, ULONG_MAX, &v))
			return -1;
		a->run.seed = a->mk.seed = v;
		return 0;
	case 't':
		if (cli_parse_ulong("--threads", optarg, 1, 1024, &v))
			return -1;
		a->run.threads = a->mk.threads = (unsigned)v;
		return 0;
	case 'f':
		return cmd_sim_format("simulate", optarg, &a->format);
	case OPT_PERSONA:
		a->opt.persona = optarg;
		return 0;
	case OPT_PLAIN:
		a->opt.plain = true;
		return 0;
	case OPT_SET:
		cmd_sim_add_set(a, optarg);
		return 0;
	case OPT_COMPARE:
		a->compare = true;
		return 0;
	case OPT_DAYS:
		a->market = true;
		if (cli_parse_ulong("--days", optarg, 1, 100000, &v))
			return -1;
		a->mk.days = (unsigned)v;
		return 0;
	case OPT_MARKET:
		a->market_opts = true;
		if (cli_parse_ulong("--market", optarg, 1, 10000000000UL, &v))
			return -1;
		a->mk.people = v;
		return 0;
	case OPT_P:
		a->market_opts = a->p_set = true;
		return cli_parse_double("--p", optarg, 1e-9, 10, &a->mk.p);
	case OPT_Q:
		a->market_opts = a->q_set = true;
		return cli_parse_double("--q", optarg, 0, 100, &a->mk.q);
	case OPT_QD:
		a->market_opts = a->qd_set = true;
		return cli_parse_double("--qd", optarg, 0, 100, &a->mk.qd);
	case OPT_TRACE:
		a->trace = optarg;
		return 0;
	case OPT_TRACE_CUSTOMERS:
		a->trace_opts = true;
		if (cli_parse_ulong("--trace-customers", optarg, 1,
				    1000000000000UL, &v))
			return -1;
		a->trace_customers = v;
		return 0;
	}
	return -1;
}

static int cmd_sim_check(const struct cmd_sim_args *a)
{
	if (a->compare && a->n_sets == 0) {
		cli_error("simulate: --compare needs at least one --set "
			  "TOUCHPOINT.FIELD=VALUE to compare with");
		return -1;
	}
	if (a->compare && a->market) {
		cli_error("simulate: --compare and --days cannot go together");
		return -1;
	}
	if (a->market_opts && !a->market) {
		cli_error("simulate: --market, --p, --q and --qd need --days");
		return -1;
	}
	if (a->trace_opts && !a->trace) {
		cli_error("simulate: --trace-customers needs --trace FILE");
		return -1;
	}
	/* A log of one run: a comparison has two, word of mouth walks other
	 * customers than the ones a plain run counts. */
	if (a->trace && (a->compare || a->market)) {
		cli_error("simulate: --trace cannot go with --compare or --days");
		return -1;
	}
	if (a->trace && (!*a->trace || strcmp(a->trace, "-") == 0)) {
		/* the report has the standard output */
		cli_error("simulate: --trace: give a file name (the report "
			  "goes to the standard output)");
		return -1;
	}
	/* What a day means differs from journey to journey (a purchase, an
	 * accident, a move): no rate fits them all. */
	if (a->market && (!a->p_set || !a->q_set)) {
		cli_error("simulate: --days needs --p (the share of the market "
			  "that enters the journey by itself each day) and --q "
			  "(how strongly promoters pull others in); see "
			  "WORD OF MOUTH in mot(1)");
		return -1;
	}
	return 0;
}

static int cmd_sim_parse(struct cmd_sim_args *a, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "customers", required_argument, NULL, 'n' },
		{ "seed", required_argument, NULL, 's' },
		{ "threads", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		{ "persona", required_argument, NULL, OPT_PERSONA },
		{ "plain", no_argument, NULL, OPT_PLAIN },
		{ "set", required_argument, NULL, OPT_SET },
		{ "compare", no_argument, NULL, OPT_COMPARE },
		{ "days", required_argument, NULL, OPT_DAYS },
		{ "market", required_argument, NULL, OPT_MARKET },
		{ "p", required_argument, NULL, OPT_P },
		{ "q", required_argument, NULL, OPT_Q },
		{ "qd", required_argument, NULL, OPT_QD },
		{ "trace", required_argument, NULL, OPT_TRACE },
		{ "trace-customers", required_argument, NULL,
		  OPT_TRACE_CUSTOMERS },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_command *cmd = cli_find("simulate");
	int c;

	while ((c = cli_getopt(cmd, argc, argv, "n:s:t:f:", opts)) != -1)
		if (c == '?' || cmd_sim_option(a, c) != 0)
			return -1;
	if (argc - optind != 1) {
		cli_usage(cmd);
		return -1;
	}
	a->key = argv[optind];
	/* A detractor's voice as strong as a promoter's unless told. */
	if (!a->qd_set)
		a->mk.qd = a->mk.q;
	return cmd_sim_check(a);
}

static void cmd_sim_args_init(struct cmd_sim_args *a)
{
	memset(a, 0, sizeof *a);
	sim_options_init(&a->opt);
	sim_run_init(&a->run);
	a->mk.people = 1000000;
	a->mk.seed = a->run.seed;
	a->format = SIM_FMT_TEXT;
	a->trace_customers = CMD_SIM_TRACE_DEFAULT;
}

/* --- the journey --------------------------------------------------------- */

/* Load it, check --persona (a usage error), and apply the --set edits to
 * a copy, `alt`: the journey to simulate, or the scenario to compare. */
static int cmd_sim_load(struct cli_ctx *ctx, const char *cmd, const char *key,
			const char *persona, char *const *sets, size_t n_sets,
			struct mot_journey *j, struct mot_journey *alt)
{
	char err[512];

	model_journey_init(alt);
	if (cli_load_journey(ctx, key, j) != 0)
		return CLI_FAIL;
	if (persona && model_persona_find(j, persona) < 0) {
		cli_error("%s: --persona: no persona '%s' in journey '%s'", cmd,
			  persona, j->key);
		return CLI_USAGE;
	}
	model_journey_copy(alt, j);
	for (size_t i = 0; i < n_sets; i++)
		if (sim_apply_set(alt, sets[i], err, sizeof err) != 0) {
			cli_error("%s: %s", cmd, err);
			return CLI_USAGE;
		}
	return CLI_OK;
}

/* --- simulate ------------------------------------------------------------ */

static int cmd_sim_compile(const struct mot_journey *j,
			   const struct sim_options *o, struct sim_model **m)
{
	char err[512];

	if (sim_compile(j, o, m, err, sizeof err) != 0) {
		cli_error("simulate: %s", err);
		return -1;
	}
	return 0;
}

static int cmd_sim_market(const struct cmd_sim_args *a,
			  const struct sim_report *rp,
			  const struct sim_model *m)
{
	struct sim_market_day *days;
	char err[512];

	if (sim_market_run(m, &a->mk, &days, err, sizeof err) != 0) {
		cli_error("simulate: %s", err);
		return CLI_FAIL;
	}
	sim_report_market(stdout, a->format, rp, &a->mk, days);
	free(days);
	return CLI_OK;
}

static int cmd_sim_compare(const struct cmd_sim_args *a,
			   const struct sim_report *rp,
			   const struct mot_journey *alt,
			   const struct sim_model *base,
			   const struct sim_run *run)
{
	struct sim_model *m2;
	struct sim_result rb, rs;
	struct sim_pair pair;
	char err[512];
	int rc = CLI_OK;

	if (cmd_sim_compile(alt, &a->opt, &m2) != 0)
		return CLI_FAIL;
	if (sim_compare(base, m2, run, &rb, &rs, &pair, err, sizeof err) != 0) {
		cli_error("simulate: %s", err);
		rc = CLI_FAIL;
	} else {
		sim_report_compare(stdout, a->format, rp, alt, &rb, &rs, &pair);
	}
	sim_result_free(&rb);
	sim_result_free(&rs);
	sim_model_free(m2);
	return rc;
}

struct cmd_trace {
	const struct mot_journey *j;
	const struct sim_model *m;
	uint64_t seed, n;
	const char *path;
};

static int cmd_trace_write(FILE *out, void *ctx)
{
	const struct cmd_trace *t = ctx;

	return sim_trace_write(out, (enum sim_trace_format)sim_trace_format_of(
				       t->path), t->j, t->m, t->seed, t->n);
}

/* The event log of the first customers of the run just made. */
static int cmd_sim_trace(const struct cmd_sim_args *a,
			 const struct mot_journey *j, const struct sim_model *m)
{
	struct cmd_trace t = { j, m, a->run.seed, a->trace_customers, a->trace };
	char err[512];

	if (t.n > a->run.customers)
		t.n = a->run.customers;
	if (util_write_atomic(a->trace, cmd_trace_write, &t, err,
			      sizeof err) != 0) {
		cli_error("simulate: --trace: %s", err);
		return CLI_FAIL;
	}
	return CLI_OK;
}

static int cmd_sim_go(const struct cmd_sim_args *a, const struct mot_journey *j,
		      const struct mot_journey *alt)
{
	struct sim_report rp = { a->compare ? j : alt, &a->opt, &a->run,
				 a->sets, a->n_sets, cli_table_width() };
	struct cmd_progress prog = { .last = 0, .unit = "customers" };
	struct sim_run run = a->run;
	struct sim_result res;
	struct sim_model *m;
	char err[512];
	int rc = CLI_OK;

	if (cmd_sim_compile(rp.j, &a->opt, &m) != 0)
		return CLI_FAIL;
	if (a->market) {
		rc = cmd_sim_market(a, &rp, m);
		sim_model_free(m);
		return rc;
	}
	run.impact_customers = run.customers < SIM_IMPACT_CUSTOMERS ?
			       run.customers : SIM_IMPACT_CUSTOMERS;
	if (isatty(STDERR_FILENO)) {
		clock_gettime(CLOCK_MONOTONIC, &prog.start);
		run.progress = cmd_progress;
		run.progress_ctx = &prog;
	}
	if (a->compare) {
		rc = cmd_sim_compare(a, &rp, alt, m, &run);
	} else if (sim_simulate(m, &run, &res, err, sizeof err) != 0) {
		cli_error("simulate: %s", err);
		rc = CLI_FAIL;
	} else {
		sim_report_result(stdout, a->format, &rp, &res);
		sim_result_free(&res);
		if (a->trace)
			rc = cmd_sim_trace(a, rp.j, m);
	}
	sim_model_free(m);
	return rc;
}

int cmd_simulate(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cmd_sim_args a;
	struct mot_journey j, alt;
	int rc;

	cmd_sim_args_init(&a);
	if (cmd_sim_parse(&a, argc, argv) != 0) {
		free(a.sets);
		return CLI_USAGE;
	}
	rc = cmd_sim_load(ctx, "simulate", a.key, a.opt.persona, a.sets,
			  a.n_sets, &j, &alt);
	if (rc == CLI_OK)
		rc = cmd_sim_go(&a, &j, &alt);
	if (fflush(stdout) != 0 && rc == CLI_OK) {
		cli_error("simulate: cannot write the results");
		rc = CLI_FAIL;
	}
	model_journey_free(&j);
	model_journey_free(&alt);
	free(a.sets);
	return rc;
}

/* --- analyze ------------------------------------------------------------- */

int cmd_analyze(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "persona", required_argument, NULL, OPT_PERSONA },
		{ "set", required_argument, NULL, OPT_SET },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_command *cmd = cli_find("analyze");
	struct cmd_sim_args a;
	struct mot_journey j, alt;
	struct analyze_result res;
	struct cmd_progress prog = { .last = 0, .unit = "matrix columns" };
	char err[512];
	int c, rc;

	cmd_sim_args_init(&a);
	while ((c = cli_getopt(cmd, argc, argv, "f:", opts)) != -1) {
		if (c == 'f' && cmd_sim_format("analyze", optarg, &a.format) == 0)
			continue;
		if (c == OPT_PERSONA)
			a.opt.persona = optarg;
		else if (c == OPT_SET)
			cmd_sim_add_set(&a, optarg);
		else {
			free(a.sets);
			return CLI_USAGE;
		}
	}
	if (argc - optind != 1) {
		free(a.sets);
		return cli_usage(cmd);
	}
	rc = cmd_sim_load(ctx, "analyze", argv[optind], a.opt.persona, a.sets,
			  a.n_sets, &j, &alt);
	/* Large journeys take a while: a bar past a second, as simulate. */
	if (isatty(STDERR_FILENO))
		clock_gettime(CLOCK_MONOTONIC, &prog.start);
	if (rc == CLI_OK && analyze_journey_progress(&alt, a.opt.persona,
			isatty(STDERR_FILENO) ? cmd_progress : NULL, &prog,
			&res, err, sizeof err) != 0) {
		cli_error("analyze: %s", err);
		rc = CLI_FAIL;
	} else if (rc == CLI_OK) {
		analyze_report(stdout, a.format, &alt, a.opt.persona, &res,
			       cli_table_width());
		analyze_result_free(&res);
	}
	model_journey_free(&j);
	model_journey_free(&alt);
	free(a.sets);
	return rc;
}
