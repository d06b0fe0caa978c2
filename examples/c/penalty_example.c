/* Computes the seed contract's cases and a statutory regime through the C interface and checks
 * every result. Built and run by .ci/run (scripts/check-c-api); exits non-zero on any mismatch. */
#include <penalty.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int checks = 0, failures = 0;

static void check(const char *what, int condition) {
    checks++;
    if (!condition) { fprintf(stderr, "FAIL %s\n", what); failures++; }
}

/* Computes one case from name=value pairs and checks the amount (NULL: expect an input error). */
static void expect_case(const penalty_context *context, const char *label, const char *const *names,
                        const char *const *values, size_t count, const char *amount_expected,
                        int status_expected, long long days_expected) {
    int status = -1;
    char *amount = NULL, *explanation = NULL, *error = NULL;
    long long days = -1;
    int code = penalty_compute(context, names, values, count, &status, &amount, &days, &explanation, &error);
    if (amount_expected == NULL) {
        check(label, code == PENALTY_INPUT_ERROR && error != NULL && amount == NULL);
        if (error) printf("%-28s error: %s\n", label, error);
    } else {
        check(label, code == PENALTY_OK && amount && strcmp(amount, amount_expected) == 0 &&
                     status == status_expected && days == days_expected && explanation && strstr(explanation, "\"rule\""));
        printf("%-28s %s yen, %lld days, status %d\n", label, amount ? amount : "(none)", days, status);
    }
    penalty_free(amount);
    penalty_free(explanation);
    penalty_free(error);
}

static void *worker(void *argument) {
    const penalty_context *context = argument;
    const char *names[] = {"regime", "amount", "due", "paid", "excluded"};
    const char *values[] = {"contract-late-completion", "10000000", "2022-03-25", "2022-04-30", "2022-04-10..2022-04-12"};
    for (int i = 0; i < 200; i++) {
        int status; char *amount = NULL; long long days;
        if (penalty_compute(context, names, values, 5, &status, &amount, &days, NULL, NULL) != PENALTY_OK ||
            strcmp(amount, "22602") != 0) { failures++; }
        penalty_free(amount);
    }
    return NULL;
}

int main(void) {
    printf("LatePenalty %s, API %d\n", penalty_version(), penalty_api_version());
    check("api version", penalty_api_version() == PENALTY_API_VERSION);

    penalty_context *context = NULL;
    char *error = NULL;
    check("context", penalty_context_new(NULL, &context, &error) == PENALTY_OK && context != NULL);

    {   /* 第6条第3項: 36 days late, 3 inspection days → 33 days, ¥22,602. */
        const char *n[] = {"regime", "amount", "due", "paid", "excluded"};
        const char *v[] = {"contract-late-completion", "10,000,000", "2022-03-25", "2022-04-30", "2022-04-10..2022-04-12"};
        expect_case(context, "seed 6-3 late completion", n, v, 5, "22602", PENALTY_STATUS_OK, 33);
    }
    {   /* Under ¥100: waived. */
        const char *n[] = {"regime", "amount", "due", "paid"};
        const char *v[] = {"contract-late-completion", "1000000", "2022-03-25", "2022-03-26"};
        expect_case(context, "seed 6-3 under 100 yen", n, v, 4, "0", PENALTY_STATUS_WAIVED, 1);
    }
    {   /* 第21条第3項: 1/10. */
        const char *n[] = {"regime", "amount"};
        const char *v[] = {"contract-termination-penalty", "12345678"};
        expect_case(context, "seed 21-3 one tenth", n, v, 2, "1234567", PENALTY_STATUS_OK, 0);
    }
    {   /* An amount of 10^20 yen. */
        const char *n[] = {"regime", "amount", "due", "paid"};
        const char *v[] = {"contract-late-completion", "100000000000000000000", "2022-03-25", "2022-04-01"};
        expect_case(context, "seed 6-3 10^20 yen", n, v, 4, "47945205479452054", PENALTY_STATUS_OK, 7);
    }
    {   /* 地方税 延滞金, 中央市's published example: ¥1,300. Era dates accepted. */
        const char *n[] = {"regime", "amount", "due", "paid"};
        const char *v[] = {"local-tax-arrears", "56400", "令和8年2月2日", "R8.5.29"};
        expect_case(context, "local tax (published V1)", n, v, 4, "1300", PENALTY_STATUS_OK, 116);
    }
    {   /* 国税 延滞税 with a partial payment and a 減額更正 on the same day (vector
         * decrease-national-on-the-day-of-a-partial-payment): ¥22,300. */
        const char *n[] = {"regime", "amount", "due", "paid", "payments", "decreases"};
        const char *v[] = {"national-tax-arrears", "1000000", "2024-03-15", "2024-09-30", "2024-06-01:100000", "2024-06-01:400000"};
        expect_case(context, "national tax, decrease", n, v, 6, "22300", PENALTY_STATUS_OK, 199);
    }
    {   /* A bad date is an input error naming the field. */
        const char *n[] = {"regime", "amount", "due", "paid"};
        const char *v[] = {"contract-late-completion", "1000000", "2022-03-25", "2021-02-29"};
        expect_case(context, "bad date", n, v, 4, NULL, 0, 0);
    }
    {   /* NULL arguments are refused, not crashed on. */
        char *message = NULL;
        check("null status", penalty_compute(context, NULL, NULL, 0, NULL, NULL, NULL, NULL, &message) == PENALTY_ARGUMENT_ERROR);
        penalty_free(message);
    }
    {   /* A batch in memory. */
        const char *csv = "id,regime,amount,due,paid\nA,contract-late-completion,10000000,2022-03-25,2022-04-30\nB,contract-late-completion,-1,2022-03-25,2022-04-30\n";
        char *output = NULL, *diagnostics = NULL, *message = NULL;
        long long read = 0, rejected = 0;
        int code = penalty_batch(context, csv, strlen(csv), PENALTY_FORMAT_CSV, PENALTY_FORMAT_JSONL, 0,
                                 &output, &diagnostics, &read, &rejected, &message);
        check("batch", code == PENALTY_OK && read == 2 && rejected == 1 && strstr(output, "\"amount\":\"24657\"") && strstr(diagnostics, "line 3"));
        printf("batch: %lld rows, %lld rejected\n%s", read, rejected, output ? output : "");
        penalty_free(output); penalty_free(diagnostics); penalty_free(message);
    }
    {   /* Minor version 1: an agreement, a register, the deadlines, the tax, the set-off. */
        check("minor version", penalty_api_minor_version() >= PENALTY_API_MINOR_VERSION);
        const char *n[] = {"start", "first_expiry", "terminate_on"};
        const char *v[] = {"2023-04-26", "2024-03-31", "2025-09-30"};
        char *json = NULL, *message = NULL;
        check("agreement", penalty_agreement(n, v, 3, "2025-03-31", &json, &message) == PENALTY_OK && json &&
              strstr(json, "\"status\":\"in-force\",\"term\":2") && strstr(json, "\"renewal_notice_deadline\":\"2025-02-28\"") &&
              strstr(json, "\"termination_notice_deadline\":\"2025-08-30\""));
        penalty_free(json); json = NULL;
        const char *bad_v[] = {"2025-04-01", "2024-03-31", ""};
        check("agreement error", penalty_agreement(n, bad_v, 3, "2025-03-31", &json, &message) == PENALTY_INPUT_ERROR && json == NULL &&
              message && strstr(message, "first_expiry"));
        penalty_free(message); message = NULL;
        const char *csv = "id,start,first_expiry\nA,2023-04-26,2024-03-31\nB,2025-04-01,2024-03-31\n";
        char *output = NULL, *diagnostics = NULL;
        long long read = 0, rejected = 0;
        check("agreements", penalty_agreements(csv, strlen(csv), PENALTY_FORMAT_CSV, PENALTY_FORMAT_CSV, "2025-02-01", 30, &output,
                                               &diagnostics, &read, &rejected, &message) == PENALTY_OK &&
              read == 2 && rejected == 1 && strstr(output, "A,2,in-force,2,2025-03-31,2025-04-01,2025-02-28") && strstr(diagnostics, "line 3"));
        penalty_free(output); penalty_free(diagnostics);
        check("payment deadline", penalty_deadline("payment", "2022-04-01", NULL, &json, &message) == PENALTY_OK &&
              strstr(json, "\"deadline\":\"2022-05-01\""));
        penalty_free(json); json = NULL;
        check("deadline kind", penalty_deadline("delivery", "2022-04-01", NULL, &json, &message) == PENALTY_INPUT_ERROR && message);
        penalty_free(message); message = NULL;
        check("tax", penalty_tax("11,000,000", &json, &message) == PENALTY_OK && strstr(json, "\"tax\":\"1000000\",\"net\":\"10000000\""));
        penalty_free(json); json = NULL;
        check("set-off", penalty_set_off("1000000", "2022-05-31", "2022-07-15", "900000", NULL, &json, &message) == PENALTY_OK &&
              strstr(json, "\"deducted\":\"900000\",\"shortfall\":\"103082\",\"remainder_to_pay\":\"0\""));
        penalty_free(json); json = NULL;
        check("null result", penalty_tax("1", NULL, &message) == PENALTY_ARGUMENT_ERROR);
        penalty_free(message); message = NULL;
        const char *qn[] = {"regime", "amount", "due", "as_of"};
        const char *qv[] = {"contract-damages-interest", "3,000,000", "2026-08-31", "2026-11-30"};
        int status = -1; char *amount = NULL;
        check("quote", penalty_compute(NULL, qn, qv, 4, &status, &amount, NULL, &json, &message) == PENALTY_OK &&
              status == PENALTY_STATUS_QUOTE && strcmp(amount, "18698") == 0 && strstr(json, "Quote"));
        penalty_free(amount); penalty_free(json); json = NULL;
        penalty_free(message);
    }
    {   /* A bad rate file. */
        penalty_context *bad = NULL;
        char *message = NULL;
        check("bad rates", penalty_context_new("/nonexistent/rates.json", &bad, &message) == PENALTY_RATES_ERROR && bad == NULL && message);
        printf("bad rate file: %s\n", message ? message : "");
        penalty_free(message);
    }
    {   /* Concurrent calls on one context. */
        pthread_t threads[4];
        for (int i = 0; i < 4; i++) pthread_create(&threads[i], NULL, worker, context);
        for (int i = 0; i < 4; i++) pthread_join(threads[i], NULL);
        printf("4 threads x 200 concurrent computations done\n");
    }
    penalty_context_free(context);
    penalty_free(error);
    printf("C API: %d passed, %d failed\n", checks - failures, failures);
    return failures == 0 ? 0 : 1;
}
