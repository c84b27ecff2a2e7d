"""The peer of the check-quote benchmark: diff-match-patch's fuzzy match scanning every document.

For each quotation, match_main looks for it in every document's text and keeps the best; the
time is the scan of the whole archive. diff-match-patch's bitap matcher takes patterns of at
most Match_MaxBits (32) characters, its designed use, so each quotation's first 32 characters
are looked for; Match_Distance is set beyond every text's length so that a match anywhere in a
document counts, not only near its start.
"""
import argparse
import json
import time

import diff_match_patch


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", required=True)
    parser.add_argument("--quotations", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    with open(args.documents, encoding="utf-8") as f:
        documents = [json.loads(line) for line in f if line.strip()]
    with open(args.quotations, encoding="utf-8") as f:
        quotations = json.load(f)

    dmp = diff_match_patch.diff_match_patch()
    dmp.Match_Distance = 10 ** 9
    latencies, found = [], []
    for quotation in quotations:
        pattern = quotation[: dmp.Match_MaxBits]
        start = time.perf_counter()
        hits = 0
        for document in documents:
            if dmp.match_main(document["body"], pattern, 0) >= 0:
                hits += 1
        latencies.append((time.perf_counter() - start) * 1000)
        found.append(hits)

    version = getattr(diff_match_patch, "__version__", "unknown")
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"version": version, "documents": len(documents), "latenciesMilliseconds": latencies, "found": found}, f)


if __name__ == "__main__":
    main()
