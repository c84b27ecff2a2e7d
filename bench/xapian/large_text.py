#!/usr/bin/python3
"""The Xapian peer of the large-text benchmark (bench/Verbatim.Bench/LargeText/).

Indexes one text file as one document, with word positions (as Verbatim's full-text index keeps
them, so that phrases can be searched), into a new database, and commits. Run by the benchmark
under /usr/bin/time, which measures its time and peak memory; needs Debian's python3-xapian.
"""
import sys

import xapian


def main(text_path, database_path):
    with open(text_path, encoding="utf-8") as handle:
        text = handle.read()
    database = xapian.WritableDatabase(database_path, xapian.DB_CREATE_OR_OVERWRITE)
    generator = xapian.TermGenerator()
    document = xapian.Document()
    generator.set_document(document)
    generator.index_text(text)
    database.add_document(document)
    database.commit()
    database.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
