"""The table of scripts/corpus-imagenes: per suite, how many runs were accepted (pixels equal,
not decodable by Pillow, different; location values left), refused, hung or crashed; then the
most frequent reasons for refusal and every problem by file.
Arguments: resultados.tsv, the pixel verdicts (one per accepted run, in order), exiftool's JSON."""
import collections
import json
import sys

rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8")]
verdicts = iter(open(sys.argv[2], encoding="utf-8").read().split())
locations = {}
for entry in json.load(open(sys.argv[3], encoding="utf-8")):
    values = [f"{key}={value}" for key, value in entry.items() if key != "SourceFile" and str(value).strip()]
    if values:
        locations[entry["SourceFile"]] = " ".join(values)

counts = collections.Counter()
reasons = collections.Counter()
problems = []
for suite, path, variant, outcome, detail in rows:
    counts[(suite, "ejecuciones")] += 1
    if outcome == "aceptada":
        verdict = next(verdicts)
        counts[(suite, "aceptadas")] += 1
        counts[(suite, "píxeles " + verdict)] += 1
        if detail in locations:
            counts[(suite, "con ubicación")] += 1
            problems.append(f"ubicación {locations[detail]} en {path} ({variant})")
        if verdict == "distinto":
            problems.append(f"píxeles distintos: {path} ({variant})")
    else:
        counts[(suite, outcome)] += 1
        if outcome == "rechazada":
            reason = detail.split("»: ", 1)[-1]
            reasons[reason[:120]] += 1
            if not reason.strip():
                problems.append(f"rechazada sin motivo: {path} ({variant})")
        else:
            problems.append(f"{outcome}: {path} ({variant}) {detail}")

suites = sorted({suite for suite, _ in counts})
columns = ["ejecuciones", "aceptadas", "píxeles igual", "píxeles sin-decodificar", "píxeles distinto", "con ubicación",
           "rechazada", "colgada"] + sorted({kind for _, kind in counts if kind.startswith("fallo")})
print("| conjunto | " + " | ".join(columns) + " |")
print("|---|" + "---:|" * len(columns))
for suite in suites + ["total"]:
    cells = [sum(count for (name, kind), count in counts.items() if kind == column and suite in (name, "total")) for column in columns]
    print(f"| {suite} | " + " | ".join(str(cell) for cell in cells) + " |")
print("\nMotivos de rechazo más frecuentes:")
for reason, count in reasons.most_common(20):
    print(f"  {count:5d}  {reason}")
print("\nProblemas:" if problems else "\nSin problemas: 0 fallos, 0 colgadas, 0 ubicaciones, 0 píxeles distintos.")
for problem in problems:
    print("  " + problem)
