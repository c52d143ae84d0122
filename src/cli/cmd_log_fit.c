/*
 * cmd_log_fit.c - `mot log compare` and `mot log fit`: a journey and one
 * of its logs from the database, the design's expectations from the
 * exact analysis, and src/log/ for the rest.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "cmd_log.h"
#include "log.h"
#include "sim.h"
#include "store.h"
#include "util.h"
#include "yamlio.h"

enum { OPT_LOG = 256, OPT_AS, OPT_PRIOR };

/* The journey and its log `name` (NULL: the newest). */
static int cmd_log_load(struct cli_ctx *ctx, const char *what,
			const char *key, const char *name,
			struct mot_journey *j, struct mot_log *l)
{
	struct store *s;

	model_log_init(l);
	if (cli_load_journey(ctx, key, j) != 0)
		return -1;
	s = cli_store(ctx);
	if (store_log_load(s, key, name, l) != STORE_OK) {
		cli_error("log %s: %s", what, store_errmsg(s));
		model_journey_free(j);
		return -1;
	}
	return 0;
}

int cmd_log_compare(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "log", required_argument, NULL, OPT_LOG },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_command *cmd = cmd_log_sub("compare");
	enum log_report_format f = LOG_REPORT_TEXT;
	struct log_design design = { NAN, NULL };
	struct analyze_result a;
	struct log_comparison cmp;
	struct mot_journey j;
	struct mot_log l;
	const char *name = NULL;
	char err[512];
	int c, v, rc = CLI_OK;
	bool solved;

	while ((c = cli_getopt(cmd, argc, argv, "f:", opts)) != -1) {
		if (c == OPT_LOG) {
			name = optarg;
		} else if (c == 'f' && (v = log_report_format_parse(optarg)) >= 0) {
			f = (enum log_report_format)v;
		} else {
			if (c == 'f')
				cli_error("log compare: --format: unknown format "
					  "'%s' (text, json or csv)", optarg);
			return CLI_USAGE;
		}
	}
	if (argc - optind != 1)
		return cli_usage(cmd);
	if (cmd_log_load(ctx, "compare", argv[optind], name, &j, &l) != 0)
		return CLI_FAIL;
	/* What the design expects: the plain chain, solved exactly. */
	solved = analyze_journey(&j, NULL, &a, err, sizeof err) == 0;
	if (solved) {
		design.conversion = a.conversion;
		design.visits = a.expected_visits;
	} else {
		cli_error("log compare: the design's own figures are left out: "
			  "%s", err);
	}
	if (log_compare(&j, &l, &design, &cmp, err, sizeof err) != 0) {
		cli_error("log compare: %s", err);
		rc = CLI_FAIL;
	} else {
		log_report(stdout, f, &j, &l, &cmp);
		log_comparison_free(&cmp);
	}
	if (solved)
		analyze_result_free(&a);
	model_log_free(&l);
	model_journey_free(&j);
	return rc;
}

/* --- fit -------------------------------------------------------------------- */

struct cmd_log_fit_args {
	const char *key, *log, *as, *out;
	double prior;
};

static int cmd_log_fit_parse(struct cmd_log_fit_args *a, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "log", required_argument, NULL, OPT_LOG },
		{ "as", required_argument, NULL, OPT_AS },
		{ "output", required_argument, NULL, 'o' },
		{ "prior", required_argument, NULL, OPT_PRIOR },
		{ NULL, 0, NULL, 0 },
	};
	const struct cli_command *cmd = cmd_log_sub("fit");
	int c;

	a->prior = LOG_PRIOR_DEFAULT;
	while ((c = cli_getopt(cmd, argc, argv, "o:", opts)) != -1) {
		if (c == OPT_LOG)
			a->log = optarg;
		else if (c == OPT_AS)
			a->as = optarg;
		else if (c == 'o')
			a->out = optarg;
		else if (c != OPT_PRIOR ||
			 cli_parse_double("--prior", optarg, 0, 1e12, &a->prior))
			return -1;
	}
	if (argc - optind != 1) {
		cli_usage(cmd);
		return -1;
	}
	a->key = argv[optind];
	if (a->as && a->out) {
		cli_error("log fit: --as and --output cannot go together");
		return -1;
	}
	if (a->as && !model_key_valid(a->as)) {
		cli_error("log fit: --as: '%s' is not a key (lower-case letters, "
			  "digits and hyphens, at most %d bytes)", a->as,
			  MOT_KEY_MAX);
		return -1;
	}
	if (a->out && !*a->out) {
		cli_error("log fit: --output: no file name");
		return -1;
	}
	return 0;
}

/* The fitted journey's key and title: --as, else KEY-fitted. */
static void cmd_log_fit_name(struct mot_journey *fit, const char *as,
			     const struct mot_log *l)
{
	char *key = as ? xstrdup(as) : xasprintf("%.*s-fitted",
						 MOT_KEY_MAX - 7, fit->key);
	char *title = xasprintf("%s (fitted to log %s)", fit->title, l->name);

	free(fit->key);
	free(fit->title);
	fit->key = key;
	fit->title = title;
}

static int cmd_log_fit_write(FILE *out, void *ctx)
{
	return yamlio_write(out, ctx);
}

/* Where the fitted journey goes: a new journey, a new file, or stdout. */
static int cmd_log_fit_save(struct cli_ctx *ctx, const struct cmd_log_fit_args *a,
			    struct mot_journey *fit, const struct mot_log *l)
{
	struct store *s = cli_store(ctx);
	struct stat st;
	char err[512];

	if (a->as) {
		if (store_journey_import(s, fit, 1, false, NULL) != STORE_OK) {
			cli_error("log fit: %s", store_errmsg(s));
			return CLI_FAIL;
		}
		printf("fitted journey %s from log '%s' (%zu cases)\n", fit->key,
		       l->name, l->n_cases);
		return CLI_OK;
	}
	if (!a->out)
		return yamlio_write(stdout, fit) == 0 ? CLI_OK : CLI_FAIL;
	/* Never a silent overwrite. */
	if (lstat(a->out, &st) == 0) {
		cli_error("log fit: %s exists already; remove it or name another "
			  "file", a->out);
		return CLI_FAIL;
	}
	if (util_write_atomic(a->out, cmd_log_fit_write, fit, err,
			      sizeof err) != 0) {
		cli_error("log fit: %s", err);
		return CLI_FAIL;
	}
	return CLI_OK;
}

int cmd_log_fit(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cmd_log_fit_args a = { 0 };
	struct mot_journey j, fit;
	struct mot_log l;
	char err[512];
	int rc;

	if (cmd_log_fit_parse(&a, argc, argv) != 0)
		return CLI_USAGE;
	if (cmd_log_load(ctx, "fit", a.key, a.log, &j, &l) != 0)
		return CLI_FAIL;
	if (log_fit(&j, &l, a.prior, &fit, err, sizeof err) != 0) {
		cli_error("log fit: %s", err);
		rc = CLI_FAIL;
	} else {
		cmd_log_fit_name(&fit, a.as, &l);
		rc = cmd_log_fit_save(ctx, &a, &fit, &l);
	}
	model_journey_free(&fit);
	model_log_free(&l);
	model_journey_free(&j);
	return rc;
}
