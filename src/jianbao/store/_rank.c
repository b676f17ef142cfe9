/* jianbao_rank: BM25 for SQLite's FTS5 that takes each phrase's document count from the caller.

FTS5's own bm25() counts, for every phrase of the query, all the rows that hold it (a walk over the
whole index) before it scores the first row, even when the statement wants only the newest thousand
matches. For a query of one phrase that walk buys nothing: the phrase's IDF multiplies every score
alike. jianbao_rank scores a row exactly as bm25() does (k1 = 1.2, b = 0.75, IDF floored at 1e-6),
with the IDF computed from counts the caller passes in:

    jianbao_rank(index, w_0 .. w_{C-1}, n_1 .. n_P)

w_c is column c's weight (all C columns must be given), n_i the number of rows that hold phrase i;
a phrase with no count (or a negative one) gets IDF 1. Lower is better, as with bm25().

The library is both a Python extension module (jianbao.store._rank, so that pip builds and installs it)
and an SQLite extension whose entry point jianbao_rank_init store/rank.py hands to
sqlite3_auto_extension, so that every connection the process opens has the function. */
#include <Python.h>
#include <math.h>
#include <string.h>
#include <sqlite3ext.h>

SQLITE_EXTENSION_INIT1

#define K1 1.2
#define B 0.75

typedef struct Query {
  int nCol, nPhrase;
  double avgdl;
  double *weight;   /* nCol */
  double *idf;      /* nPhrase */
  double *freq;     /* nPhrase, per row scratch */
} Query;

static void query_free(void *p) { sqlite3_free(p); }

/* The query-wide part, read once per statement: weights, IDFs, the mean row length. */
static int query_of(const Fts5ExtensionApi *api, Fts5Context *fts, int nArg, sqlite3_value **args,
                    Query **out) {
  Query *q = (Query *)api->xGetAuxdata(fts, 0);
  if (q) { *out = q; return SQLITE_OK; }
  int nCol = api->xColumnCount(fts), nPhrase = api->xPhraseCount(fts);
  size_t bytes = sizeof(Query) + sizeof(double) * (size_t)(nCol + 2 * nPhrase);
  q = (Query *)sqlite3_malloc64(bytes);
  if (!q) return SQLITE_NOMEM;
  memset(q, 0, bytes);
  q->nCol = nCol; q->nPhrase = nPhrase;
  q->weight = (double *)&q[1];
  q->idf = q->weight + nCol;
  q->freq = q->idf + nPhrase;

  sqlite3_int64 nRow = 0, nTok = 0;
  int rc = api->xRowCount(fts, &nRow);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &nTok);
  if (rc != SQLITE_OK) { sqlite3_free(q); return rc; }
  q->avgdl = nRow > 0 ? (double)nTok / (double)nRow : 1.0;
  if (q->avgdl <= 0) q->avgdl = 1.0;

  for (int c = 0; c < nCol; c++) q->weight[c] = c < nArg ? sqlite3_value_double(args[c]) : 1.0;
  for (int i = 0; i < nPhrase; i++) {
    int k = nCol + i;
    double n = k < nArg ? sqlite3_value_double(args[k]) : -1.0;
    double idf = 1.0;
    if (n >= 0) {
      idf = log((nRow - n + 0.5) / (n + 0.5));
      if (idf <= 0.0) idf = 1e-6;
    }
    q->idf[i] = idf;
  }
  rc = api->xSetAuxdata(fts, q, query_free);
  if (rc != SQLITE_OK) return rc;   /* xSetAuxdata has freed q */
  *out = q;
  return SQLITE_OK;
}

static void rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nArg,
                 sqlite3_value **args) {
  Query *q = 0;
  int rc = query_of(api, fts, nArg, args, &q);
  int nInst = 0, nTok = 0;
  if (rc == SQLITE_OK) rc = api->xInstCount(fts, &nInst);
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &nTok);
  if (rc != SQLITE_OK) { sqlite3_result_error_code(ctx, rc); return; }
  memset(q->freq, 0, sizeof(double) * (size_t)q->nPhrase);
  for (int k = 0; k < nInst; k++) {
    int phrase, col, off;
    rc = api->xInst(fts, k, &phrase, &col, &off);
    if (rc != SQLITE_OK) { sqlite3_result_error_code(ctx, rc); return; }
    if (phrase >= 0 && phrase < q->nPhrase && col >= 0 && col < q->nCol) q->freq[phrase] += q->weight[col];
  }
  double norm = K1 * (1.0 - B + B * (double)nTok / q->avgdl), score = 0.0;
  for (int i = 0; i < q->nPhrase; i++) {
    double f = q->freq[i];
    score += q->idf[i] * (f * (K1 + 1.0)) / (f + norm);
  }
  sqlite3_result_double(ctx, -score);
}

/* Called by SQLite for every connection it opens once registered with sqlite3_auto_extension. */
#ifdef _WIN32
__declspec(dllexport)
#endif
int jianbao_rank_init(sqlite3 *db, char **err, const sqlite3_api_routines *routines) {
  SQLITE_EXTENSION_INIT2(routines);
  (void)err;
  fts5_api *fts5 = 0;
  sqlite3_stmt *st = 0;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, 0) != SQLITE_OK) return SQLITE_OK;  /* no FTS5 */
  sqlite3_bind_pointer(st, 1, (void *)&fts5, "fts5_api_ptr", 0);
  sqlite3_step(st);
  sqlite3_finalize(st);
  if (!fts5 || fts5->iVersion < 2) return SQLITE_OK;
  return fts5->xCreateFunction(fts5, "jianbao_rank", 0, rank, 0);
}

/* The Python module itself is empty: store/rank.py loads this file's SQLite entry point with ctypes. */
static struct PyModuleDef module = {
  PyModuleDef_HEAD_INIT, .m_name = "_rank", .m_doc = NULL, .m_size = -1,
};

PyMODINIT_FUNC PyInit__rank(void) { return PyModule_Create(&module); }
