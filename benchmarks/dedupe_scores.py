"""The scores `waymark bench match` prints (see Sources/waymark/BenchMatchScore.swift),
in plain Python for splink_compare.py and score_dedupe.py (no Splink or pandas needed)."""
from collections import Counter, defaultdict


def f1(p, r):
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def scores(truth, predicted_pairs, clusters):
    """Pairwise precision/recall over predicted pairs; B-cubed and exact-cluster rate over clusters."""
    people = Counter(truth.values())
    true_pairs = sum(n * (n - 1) // 2 for n in people.values())
    correct = sum(1 for a, b in predicted_pairs if truth[a] == truth[b])
    precision = correct / len(predicted_pairs) if predicted_pairs else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    cluster_sizes = Counter(clusters.values())
    both = defaultdict(Counter)
    for record, cluster in clusters.items():
        both[cluster][truth[record]] += 1
    bp = br = 0.0
    clustered_correct = 0
    for cluster, persons in both.items():
        for person, shared in persons.items():
            bp += shared * shared / cluster_sizes[cluster]
            br += shared * shared / people[person]
            clustered_correct += shared * (shared - 1) // 2
    clustered_pairs = sum(size * (size - 1) // 2 for size in cluster_sizes.values())
    cp = clustered_correct / clustered_pairs if clustered_pairs else 1.0
    cr = clustered_correct / true_pairs if true_pairs else 1.0
    n = max(len(truth), 1)
    exact = sum(
        1
        for cluster, persons in both.items()
        if len(persons) == 1
        and (lambda person, shared: shared > 1 and shared == people[person] and cluster_sizes[cluster] == shared)(*next(iter(persons.items())))
    )
    multi = sum(1 for size in people.values() if size > 1)
    return {
        "true_pairs": true_pairs,
        "pair_precision": precision,
        "pair_recall": recall,
        "pair_f1": f1(precision, recall),
        "cluster_pair_precision": cp,
        "cluster_pair_recall": cr,
        "cluster_pair_f1": f1(cp, cr),
        "cluster_precision": bp / n,
        "cluster_recall": br / n,
        "cluster_f1": f1(bp / n, br / n),
        "exact_cluster_rate": exact / multi if multi else 1.0,
    }
