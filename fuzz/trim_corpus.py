#!/usr/bin/env python3
"""Keeps at most LIMIT files of a fuzz target's corpus, those covering the most.

    cd fuzz
    target/x86_64-unknown-linux-gnu/release/<target> -merge=1 -merge_control_file=/tmp/ctl \
        -use_counters=0 -use_cmp=0 -use_memmem=0 <an empty dir> corpus/<target>
    python3 trim_corpus.py /tmp/ctl corpus/<target> 390

Why: `cargo fuzz cmin` keeps every file that adds a feature, in size order,
which for json_text and host_value is still 500 to 900 files; the corpus is
replayed by `cargo test` and committed, so it is held under 400 files a
target. This reads the merge's control file (the features of each file) and
chooses files greedily, the one adding the most features not yet covered
first, until LIMIT files or nothing more to add; the other files of the
directory are deleted. It prints the share of features kept.
"""

import os
import sys


def main():
    control, corpus, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
    lines = open(control).read().split("\n")
    count = int(lines[0])
    files = lines[2 : 2 + count]
    features = {}
    for line in lines[2 + count :]:
        parts = line.split()
        if parts and parts[0] == "FT":
            features[int(parts[1])] = set(parts[2:])
    covered, chosen = set(), []
    while features and len(chosen) < limit:
        best = max(features, key=lambda i: (len(features[i] - covered), -os.path.getsize(files[i])))
        gain = features.pop(best) - covered
        if not gain:
            break
        covered |= gain
        chosen.append(best)
    keep = {os.path.basename(files[i]) for i in chosen}
    for name in os.listdir(corpus):
        if name not in keep:
            os.remove(os.path.join(corpus, name))
    print(f"kept {len(keep)} files, {len(covered)} features")


if __name__ == "__main__":
    main()
