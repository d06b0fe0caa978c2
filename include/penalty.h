/*
 * penalty.h — the C interface of LatePenalty: exact late penalties and delay interest for
 * Japanese public contracts. Link with -llatepenalty (liblatepenalty.so).
 *
 * API version 1. Stability promise (docs/c-api.md): within major version 1, functions, their
 * signatures, the meaning of the return codes and of the status values, and the JSON keys listed
 * there are only ever added to, never removed or changed; a minor version may add functions,
 * return codes and JSON keys. Check penalty_api_version() at run time.
 *
 * Memory: every char * the library returns through an out-parameter is allocated by the library
 * and must be released with penalty_free(). Nothing else is returned for the caller to free.
 * Threads: every function may be called concurrently from any thread; a context is immutable
 * once made and may be shared.
 * Errors: functions return a PENALTY_* code and, where there is an error_message out-parameter,
 * a message naming the field and the reason. They never exit the process.
 */
#ifndef PENALTY_H
#define PENALTY_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PENALTY_API_VERSION 1
#define PENALTY_API_MINOR_VERSION 1

/* Return codes. */
#define PENALTY_OK            0  /* computed; see *status */
#define PENALTY_INPUT_ERROR   1  /* the case's input is wrong; *error_message says which field and why */
#define PENALTY_ARGUMENT_ERROR 2 /* a required pointer was NULL, or an unknown option value */
#define PENALTY_RATES_ERROR   3  /* the rate file could not be read or is invalid */

/* Result status (*status when PENALTY_OK). */
#define PENALTY_STATUS_OK     0  /* the amount is due (it may be 0 when there was no delay) */
#define PENALTY_STATUS_WAIVED 1  /* a minimum rule turned a positive charge into 0 */
#define PENALTY_STATUS_QUOTE  2  /* (minor 1) computed for the field "as_of" as the payment day: a quote */

/* Batch formats. */
#define PENALTY_FORMAT_CSV    0
#define PENALTY_FORMAT_JSONL  1

/* An opaque set of regimes: the bundled ones, optionally with a rate file laid over them. */
typedef struct penalty_context penalty_context;

/* The API version of the loaded library (PENALTY_API_VERSION when built against this header). */
int penalty_api_version(void);

/* The minor version within the major one: 1 added penalty_agreement, penalty_agreements,
 * penalty_deadline, penalty_tax, penalty_set_off, and quotes ("as_of" in penalty_compute). A library whose minor version is lower than
 * PENALTY_API_MINOR_VERSION lacks the functions added since. */
int penalty_api_minor_version(void);

/* The library version, e.g. "1.0.0". A static string: do not free it. */
const char *penalty_version(void);

/* Makes a context. rates_path may be NULL (bundled regimes only) or a regime file
 * (docs/regimes/README.md). On PENALTY_RATES_ERROR, *context is NULL and *error_message is set. */
int penalty_context_new(const char *rates_path, penalty_context **context, char **error_message);

/* Releases a context made by penalty_context_new. NULL is allowed. */
void penalty_context_free(penalty_context *context);

/*
 * Computes one case. context may be NULL for the bundled regimes. names[i] = values[i] are the
 * fields of a `penalty compute` row ("regime", "amount", "due", "paid", "excluded", "payments",
 * "rate", …; docs/file-format.md), UTF-8, each NUL-terminated. Since minor version 1 the field
 * "as_of" asks for a quote: a row without "paid" is computed as if paid on that day, *status is
 * PENALTY_STATUS_QUOTE and the explanation says until when the amount holds.
 * On PENALTY_OK: *status, *amount (whole yen as a decimal string, any size), *counted_days and
 * *explanation_json (the full breakdown) are set. On PENALTY_INPUT_ERROR: *error_message is set
 * ("paid: '2021-02-29' does not exist: …"), the other outputs are NULL / 0.
 * Any output pointer except status and amount may be NULL if not wanted.
 */
int penalty_compute(const penalty_context *context,
                    const char *const *names, const char *const *values, size_t field_count,
                    int *status, char **amount, long long *counted_days,
                    char **explanation_json, char **error_message);

/*
 * Computes a whole file held in memory: input is `length` bytes of UTF-8 CSV (with a header row)
 * or JSON Lines. *output receives the result rows (CSV with header, or JSON Lines), one per input
 * row, in order; *diagnostics one line per rejected row. rows_read / rows_rejected may be NULL.
 * A file-level problem (empty, missing column) returns PENALTY_INPUT_ERROR with *error_message.
 */
int penalty_batch(const penalty_context *context, const char *input, size_t length,
                  int input_format, int output_format, int explain,
                  char **output, char **diagnostics,
                  long long *rows_read, long long *rows_rejected, char **error_message);

/*
 * The seed documents' other computations. Each answers with one JSON object in *result_json (the
 * same as the command's --format json: docs/agreements.md, docs/clauses.md), or
 * PENALTY_INPUT_ERROR with *error_message naming the field and the reason.
 */

/* An auto-renewing agreement on the day as_of: names[i] = values[i] are the columns of a
 * `penalty agreements` row ("start", "first_expiry", "renewal", "notice", "non_renewal",
 * "termination", "terminate_on"). */
int penalty_agreement(const char *const *names, const char *const *values, size_t field_count,
                      const char *as_of, char **result_json, char **error_message);

/* A register of agreements held in memory (CSV with a header, or JSON Lines), answered for as_of:
 * one output row per agreement, in order, as `penalty agreements`; due_within is -1 for every
 * agreement, or 0 to 36525 days for those with a notice deadline in that time (and rows in error). */
int penalty_agreements(const char *input, size_t length, int input_format, int output_format,
                       const char *as_of, int due_within, char **output, char **diagnostics,
                       long long *rows_read, long long *rows_rejected, char **error_message);

/* The seed contract's deadline of kind "inspection" (第2条) or "payment" (第4条) after the day a
 * document was received; period may be NULL for the contract's ("10d", "30d"). */
int penalty_deadline(const char *kind, const char *received, const char *period,
                     char **result_json, char **error_message);

/* The consumption tax within a tax-inclusive amount (第1条第4号, 10/110) and the amount without. */
int penalty_tax(const char *amount, char **result_json, char **error_message);

/* 第22条: damages and their interest to `paid` deducted from the unpaid price; payments may be
 * NULL ("DATE:AMOUNT;…" partial payments of the damages). */
int penalty_set_off(const char *damages, const char *due, const char *paid, const char *unpaid_price,
                    const char *payments, char **result_json, char **error_message);

/* Releases a string returned by the library. NULL is allowed. */
void penalty_free(char *string);

#ifdef __cplusplus
}
#endif

#endif /* PENALTY_H */
