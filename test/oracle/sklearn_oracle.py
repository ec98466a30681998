"""The independent oracle for cmrdx's study numbers: scikit-learn, SciPy and statsmodels, run by Debian's
/usr/bin/python3. Reads prediction sets as JSON on stdin and writes, per set, the numbers cmrdx must have
written: accuracy, per-class and macro/weighted precision/recall/F1 over the class set (labels= passed, so
both mean the same thing), scikit-learn's default union-of-labels macro, Cohen's kappa, the confusion matrix,
the best reader, McNemar's exact p (scipy.stats.binomtest), Fleiss' kappa (statsmodels) and the majority vote;
and selective prediction: AURC and the coverage at target accuracies, computed here from each report's
probability of being among the k most confident (numpy), not from cmrdx's per-block formula.

Nothing here is computed from cmrdx's output except which reader cmrdx called best, so McNemar compares the
same pair (the best reader is checked separately).
"""
import json
import math
import sys
import warnings

import numpy as np
from scipy.stats import binomtest
from sklearn.metrics import accuracy_score, cohen_kappa_score, confusion_matrix, precision_recall_fscore_support
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

warnings.filterwarnings("ignore")  # ill-defined precision/recall: zero_division=0 is what we ask for

FAILED = "FAILED"
UNCLASSIFIED = "UNCLASSIFIED"


def number(x):
    x = float(x)
    return None if math.isnan(x) else x


def averages(y_true, y_pred, labels, average):
    p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, labels=labels, average=average, zero_division=0)
    return {"precision": float(p), "recall": float(r), "f1": float(f)}


def reader_numbers(y_true, y_pred, class_set, columns):
    # Per-class figures for every category among the shared columns (a category another reader answered too).
    per_class_labels = [c for c in columns if c not in (UNCLASSIFIED, FAILED)]
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=per_class_labels, zero_division=0)
    union_p, union_r, union_f, _ = precision_recall_fscore_support(y_true, y_pred, average="macro", zero_division=0)
    return {
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "perClass": {c: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(s[i])} for i, c in enumerate(per_class_labels)},
        "macro": averages(y_true, y_pred, class_set, "macro"),
        "weighted": averages(y_true, y_pred, class_set, "weighted"),
        "macroUnionOfLabels": {"precision": float(union_p), "recall": float(union_r), "f1": float(union_f)},
        "kappa": number(cohen_kappa_score(y_true, y_pred)),
        "confusion": confusion(y_true, y_pred, class_set, columns),
    }


def confusion(y_true, y_pred, class_set, columns):
    cm = confusion_matrix(y_true, y_pred, labels=columns)
    return {t: {c: int(cm[i][j]) for j, c in enumerate(columns)} for i, t in enumerate(columns) if t in class_set}


def columns_of(class_set, answers, order):
    seen = set(answers)
    other = [c for c in order if c in seen and c not in class_set]
    return class_set + other + ([UNCLASSIFIED] if UNCLASSIFIED in seen else []) + [FAILED]


def majority(votes, min_agree):
    counted = [v for v in votes if v not in (FAILED, UNCLASSIFIED)]
    counts = sorted(((counted.count(c), c) for c in set(counted)), reverse=True)
    if not counts or counts[0][0] < min_agree or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return FAILED
    return counts[0][1]


def selective(correct, conf, targets):
    """AURC as the mean over k of E[errors among the k most confident] / k, where a report with a confidence that
    m reports share and `above` reports exceed is among the first k with probability clip((k - above) / m, 0, 1)
    (ties in random order; no confidence is -inf, last); and, per target, the largest share answered by some
    confidence threshold whose accuracy reaches the target."""
    n = len(correct)
    err = 1.0 - np.array(correct, dtype=float)
    c = np.array([-np.inf if x is None else x for x in conf], dtype=float)
    above = np.array([(c > x).sum() for x in c], dtype=float)
    tied = np.array([(c == x).sum() for x in c], dtype=float)
    k = np.arange(1, n + 1, dtype=float)[:, None]
    inside = np.clip((k - above[None, :]) / tied[None, :], 0.0, 1.0)
    aurc = float(((inside @ err) / k[:, 0]).mean())
    perfect = np.sort(err)  # every right answer first
    optimal = float((np.cumsum(perfect) / np.arange(1, n + 1)).mean())
    coverage = []
    for target in targets:
        best = 0.0
        for level in set(c.tolist()):
            answered = c >= level
            if (1.0 - err[answered]).mean() >= target - 1e-12:
                best = max(best, float(answered.mean()))
        coverage.append(best)
    return {"aurc": aurc, "aurcOptimal": optimal, "coverage": coverage}


def agreement_of(votes, category, models):
    return None if category == FAILED else sum(1 for v in votes if v == category) / len(models)


def one_set(data):
    order = data["order"]
    y_true = data["truth"]
    readers = dict(data["readers"])
    models = data["models"]
    min_agree = data["minAgree"]
    votes = list(zip(*[readers[m] for m in models]))
    readers["consensus"] = [majority(v, min_agree) for v in votes]

    class_set = [c for c in order if c in set(y_true)]
    columns = columns_of(class_set, [a for y in readers.values() for a in y], order)
    out = {"classSet": class_set, "columns": columns}
    out["readers"] = {name: reader_numbers(y_true, y_pred, class_set, columns) for name, y_pred in readers.items()}

    # The best reader: highest macro F1 over the class set, then accuracy, then name.
    ranked = sorted(readers, key=lambda n: (-out["readers"][n]["macro"]["f1"], -out["readers"][n]["accuracy"], n))
    out["best"] = ranked[0]
    best = data["best"]  # McNemar against the reader cmrdx named best (checked equal to ours in the test)
    right = {n: [a == t for a, t in zip(y, y_true)] for n, y in readers.items()}
    for name in readers:
        if name == best:
            continue
        b = sum(1 for x, y in zip(right[best], right[name]) if x and not y)
        c = sum(1 for x, y in zip(right[best], right[name]) if not x and y)
        p = 1.0 if b + c == 0 else float(binomtest(b, b + c, 0.5, alternative="two-sided").pvalue)
        out["readers"][name]["mcnemar"] = {"b": b, "c": c, "pValue": p}

    targets = data["targets"]
    out["selective"] = {}
    for name, conf in data["confidence"].items():
        correct = [a == t for a, t in zip(readers[name], y_true)]
        out["selective"][name] = selective(correct, conf, targets)
    consensus_correct = [a == t for a, t in zip(readers["consensus"], y_true)]
    agreement = [agreement_of(v, c, models) for v, c in zip(votes, readers["consensus"])]
    out["selective"]["consensus"] = selective(consensus_correct, agreement, targets)

    complete = [v for v in votes if all(a not in (FAILED, UNCLASSIFIED) for a in v)]
    if complete:
        table, _ = aggregate_raters(np.array(complete))
        kappa = number(fleiss_kappa(table, method="fleiss"))
    else:
        kappa = None
    out["fleiss"] = {"n": len(complete), "kappa": kappa}
    return out


def main():
    sets = json.load(sys.stdin)
    json.dump([one_set(s) for s in sets], sys.stdout, allow_nan=False)


if __name__ == "__main__":
    main()
