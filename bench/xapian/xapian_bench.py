#!/usr/bin/python3
"""The Xapian peer of the whole-corpus benchmark (bench/Verbatim.Bench, `archive` mode).

Indexes the texts Verbatim's catalog indexes (title, people, body, notes, exported from the
archive's own documents) and answers the same queries, timing each one in-process. It does for
each query what Verbatim's search does: an exact count of the matching documents, the first 20
hits by BM25 with their id, title, date and a snippet, and counts per facet value over every
match. Run by the benchmark; needs Debian's python3-xapian (bench/setup installs it).
"""
import argparse
import json
import time

import xapian

# Words of two fields never form a phrase: each field starts this many positions after the last.
FIELD_GAP = 100
HITS = 20
SNIPPET_CHARS = 150
FACETS = ("kind", "year", "author", "addressee", "collection", "volume")
SEPARATOR = "\x1f"


def index(documents, path, batch):
    """Indexes the documents, committing (durably: Xapian fsyncs each commit) every `batch`."""
    start = time.perf_counter()
    database = xapian.WritableDatabase(path, xapian.DB_CREATE_OR_OVERWRITE)
    generator = xapian.TermGenerator()
    commits = 0
    for number, d in enumerate(documents, 1):
        document = xapian.Document()
        generator.set_document(document)
        for field in ("title", "people", "body", "notes"):
            generator.index_text(d[field])
            generator.increase_termpos(FIELD_GAP)
        document.add_boolean_term("Q" + d["id"])
        if d["year"] is not None:
            document.add_boolean_term("Y%d" % d["year"])
        for author in d["authors"]:
            document.add_boolean_term("A" + author)
        # One value per slot: a letter's first author and addressee stand for all of them.
        facts = {
            "kind": d["kind"],
            "year": "" if d["year"] is None else str(d["year"]),
            "author": d["authors"][0] if d["authors"] else "",
            "addressee": d["addressees"][0] if d["addressees"] else "",
            "collection": d["collection"] or "",
            "volume": d["volume"] or "",
        }
        for slot, facet in enumerate(FACETS):
            if facts[facet]:
                document.add_value(slot, facts[facet])
        document.set_data(SEPARATOR.join((d["id"], d["title"], d["date"] or "", d["body"])))
        database.replace_document("Q" + d["id"], document)
        if number % batch == 0:
            database.commit()
            commits += 1
    database.commit()
    commits += 1
    seconds = time.perf_counter() - start
    database.close()
    return seconds, commits


def search(database, parser, query):
    """One query, as Verbatim's search answers it. Returns the number of matching documents."""
    parsed = parser.parse_query(
        query["text"],
        xapian.QueryParser.FLAG_PHRASE | xapian.QueryParser.FLAG_BOOLEAN | xapian.QueryParser.FLAG_WILDCARD,
    )
    filters = []
    if query.get("author"):
        filters.append(xapian.Query("A" + query["author"]))
    if query.get("year") is not None:
        filters.append(xapian.Query("Y%d" % query["year"]))
    for term in filters:
        parsed = xapian.Query(xapian.Query.OP_FILTER, parsed, term)
    enquire = xapian.Enquire(database)
    enquire.set_query(parsed)
    spies = [xapian.ValueCountMatchSpy(slot) for slot in range(len(FACETS))]
    for spy in spies:
        enquire.add_matchspy(spy)
    # Every match is looked at, so the count is exact and the facets count all of them.
    matches = enquire.get_mset(0, HITS, database.get_doccount())
    hits = []
    for match in matches:
        identifier, title, date, body = match.document.get_data().decode("utf-8").split(SEPARATOR, 3)
        snippet = matches.snippet(body, SNIPPET_CHARS, xapian.Stem("none"),
                                  xapian.MSet.SNIPPET_EXHAUSTIVE, "\x02", "\x03", "…")
        hits.append((identifier, title, date, snippet, match.weight))
    facets = {facet: [(item.term, item.termfreq) for item in spy.top_values(HITS)] for facet, spy in zip(FACETS, spies)}
    return matches.get_matches_estimated(), hits, facets


def main():
    arguments = argparse.ArgumentParser(description=__doc__)
    arguments.add_argument("--documents", required=True, help="JSON lines, one exported document each")
    arguments.add_argument("--queries", required=True, help="JSON list of queries")
    arguments.add_argument("--database", required=True, help="folder for the Xapian database (replaced)")
    arguments.add_argument("--rounds", type=int, default=5)
    arguments.add_argument("--warmup", type=int, default=3)
    arguments.add_argument("--batch", type=int, default=64, help="documents per commit (Verbatim's batch)")
    arguments.add_argument("--out", required=True)
    options = arguments.parse_args()

    with open(options.documents, encoding="utf-8") as lines:
        documents = [json.loads(line) for line in lines]
    with open(options.queries, encoding="utf-8") as file:
        queries = json.load(file)

    index_seconds, commits = index(documents, options.database, options.batch)
    print("Xapian index: %d documents in %.2f s = %.1f documents/s (%d commits)"
          % (len(documents), index_seconds, len(documents) / index_seconds, commits), flush=True)

    database = xapian.Database(options.database)
    parser = xapian.QueryParser()
    parser.set_database(database)
    parser.set_default_op(xapian.Query.OP_AND)
    totals = [0] * len(queries)
    for _ in range(options.warmup):
        for i, query in enumerate(queries):
            totals[i] = search(database, parser, query)[0]
    latencies = [[0.0] * options.rounds for _ in queries]
    for round_ in range(options.rounds):
        for i, query in enumerate(queries):
            start = time.perf_counter()
            search(database, parser, query)
            latencies[i][round_] = (time.perf_counter() - start) * 1e6

    with open(options.out, "w", encoding="utf-8") as out:
        json.dump({
            "version": xapian.version_string(),
            "documents": len(documents),
            "indexSeconds": index_seconds,
            "commits": commits,
            "totals": totals,
            "latencies": latencies,
        }, out)


if __name__ == "__main__":
    main()
