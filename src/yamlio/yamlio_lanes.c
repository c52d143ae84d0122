/*
 * yamlio_lanes.c - the lanes of a touchpoint in a journey file (thinking,
 * pains, opportunities, backstage, evidence, kpis): their part of the
 * schema and their conversion to the model.  Writing is in yamlio_write.c
 * with every other field; the checks (lengths, line breaks, ranges) are
 * the model's, located by the marks like every other field's.
 */
#include "yamlio_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const cyaml_schema_value_t yamlio_item_schema = {
	CYAML_VALUE_STRING(CYAML_FLAG_POINTER, char, 0, CYAML_UNLIMITED),
};

static const cyaml_schema_field_t yamlio_kpi_fields[] = {
	CYAML_FIELD_STRING_PTR("name", CYAML_FLAG_POINTER, struct yamlio_file_kpi,
			       name, 0, CYAML_UNLIMITED),
	CYAML_FIELD_FLOAT("value", CYAML_FLAG_DEFAULT, struct yamlio_file_kpi,
			  value),
	CYAML_FIELD_FLOAT_PTR("target", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
			      struct yamlio_file_kpi, target),
	CYAML_FIELD_STRING_PTR("unit", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
			       struct yamlio_file_kpi, unit, 0, CYAML_UNLIMITED),
	CYAML_FIELD_STRING_PTR("better", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
			       struct yamlio_file_kpi, better, 0,
			       CYAML_UNLIMITED),
	CYAML_FIELD_END
};

const cyaml_schema_value_t yamlio_kpi_schema = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct yamlio_file_kpi,
			    yamlio_kpi_fields),
};

/* A list lane.  A null or empty item becomes "", which the model refuses
 * ("must not be empty") at the item's own line and column. */
static void yamlio_convert_list(char *const *items, unsigned n, size_t i,
				const char *lane, struct mot_list *out,
				const struct yamlio_marks *m)
{
	for (unsigned k = 0; k < n; k++) {
		char *s = yamlio_text(m, items[k], "touchpoints[%zu].%s[%u]", i,
				      lane, k);
		model_list_add(out, s ? s : "");
		free(s);
	}
}

static void yamlio_convert_kpi(const struct yamlio_file_kpi *f, size_t i,
			       size_t k, struct mot_kpi *kpi,
			       const struct yamlio_marks *m,
			       struct mot_diags *d)
{
	char path[96];

	model_kpi_init(kpi);
	kpi->name = yamlio_text(m, f->name, "touchpoints[%zu].kpis[%zu].name",
				i, k);
	kpi->value = f->value;
	kpi->has_target = f->target != NULL;
	kpi->target = f->target ? *f->target : 0;
	kpi->unit = yamlio_text(m, f->unit, "touchpoints[%zu].kpis[%zu].unit",
				i, k);
	if (!f->better || strcmp(f->better, "higher") == 0)
		return;
	if (strcmp(f->better, "lower") == 0) {
		kpi->lower_better = true;
		return;
	}
	snprintf(path, sizeof path, "touchpoints[%zu].kpis[%zu].better", i, k);
	model_diag_add(d, MOT_ERROR, path, "unknown value '%.40s': must be "
		       "higher or lower (which way the KPI improves)",
		       f->better);
}

void yamlio_convert_lanes(const struct yamlio_file_touchpoint *f, size_t i,
			  struct mot_touchpoint *tp,
			  const struct yamlio_marks *m, struct mot_diags *d)
{
	tp->thinking = yamlio_text(m, f->thinking, "touchpoints[%zu].thinking",
				   i);
	yamlio_convert_list(f->pains, f->n_pains, i, "pains", &tp->pains, m);
	yamlio_convert_list(f->opportunities, f->n_opportunities, i,
			    "opportunities", &tp->opportunities, m);
	tp->backstage = yamlio_text(m, f->backstage,
				    "touchpoints[%zu].backstage", i);
	yamlio_convert_list(f->evidence, f->n_evidence, i, "evidence",
			    &tp->evidence, m);
	tp->n_kpis = f->n_kpis;
	tp->kpis = f->n_kpis ? xcalloc(f->n_kpis, sizeof *tp->kpis) : NULL;
	for (size_t k = 0; k < f->n_kpis; k++)
		yamlio_convert_kpi(&f->kpis[k], i, k, &tp->kpis[k], m, d);
}
