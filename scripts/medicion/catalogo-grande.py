# Builds a territorio-catalogo/1 file of N routes from the shipped sample: each route is a
# sample route (title, summary, one step, its main channel) with two words drawn from the
# sample's own vocabulary, so searches hit realistic, varied text.
import json, random, re, sys
sample, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
c = json.load(open(sample))
random.seed(4)
words = sorted({w for r in c["rutas"] for w in re.findall(r"[a-záéíóúñü]{4,}", (r["titulo"] + " " + r["resumen"]).lower())})
rutas = []
for i in range(n):
    t = c["rutas"][i % len(c["rutas"])]
    extra = " ".join(random.sample(words, 2))
    canales = [{k: (v[:1] if k == "fuentes" else v) for k, v in ch.items() if k != "horario"} for ch in ([ch for ch in t["canales"] if ch.get("principal")] or t["canales"][:1])]
    rutas.append({
        "id": f"{t['id'][:40]}-{i}",
        "titulo": f"{t['titulo'][:80]} ({extra})",
        "resumen": t["resumen"][:50] + " " + extra,
        "temas": t["temas"], "entidades": t["entidades"][:1], "poblacion": t["poblacion"][:15],
        "poblaciones": [], "localidades": t["localidades"],
        "pasos": [{"titulo": t["pasos"][0]["titulo"][:30]}],
        "canales": canales, "requisitos": [], "base_legal": [],
        "fuente": "Medición", "actualizada": t["actualizada"],
    })
c.update(version="medicion-100000", muestra=False, rutas=rutas)
c.pop("aviso", None)
json.dump(c, open(out, "w"), ensure_ascii=False, separators=(",", ":"))
