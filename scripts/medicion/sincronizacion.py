"""Sync against curl over loopback: see scripts/medir-sincronizacion.

The client's queue is prepared once (photos of random pixels, so none repeats and none
compresses); every run copies it, so each sync starts from the same queue, against a fresh
database. curl sends the very bytes the client would: the photos stored under adjuntos/<sha256>
and the payloads frozen at `encolar` (the `carga` column), with the same headers.
"""
import base64
import hashlib
import os
import shutil
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
import zlib

client, server, count, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
template_url = os.environ["TERRITORIO_DB_URL"]
work = tempfile.mkdtemp(prefix="territorio-sinc-")
environment = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": work}


def png(path, width=1024, height=683):
    """A valid PNG of random pixels, about width*height*3 bytes (2 MB by default)."""
    raw = bytearray()
    for _ in range(height):
        raw += b"\x00" + os.urandom(width * 3)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw), 0)) + chunk(b"IEND", b""))


def territorio(data, *arguments):
    subprocess.run([client, "--datos", data, *arguments], env=environment, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def fresh_server():
    """The reference server on a new database: (process, base URL, token, database URL)."""
    name = "medicion_" + uuid.uuid4().hex[:16]
    subprocess.run(["psql", template_url, "-q", "-v", "ON_ERROR_STOP=1", "-c", f"CREATE DATABASE {name}"], check=True)
    url = urllib.parse.urlsplit(template_url)._replace(path="/" + name).geturl()
    env = dict(environment, TERRITORIO_DB_URL=url)
    process = subprocess.Popen([server, "servir", "--puerto", "0"], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    base = line[line.index("http://"):].strip()
    token = subprocess.run([server, "token", "crear", "--gestor", "Medición"], env=env, check=True,
                           capture_output=True, text=True).stdout.strip()
    return process, base, token, env


def stored_count(env):
    listing = subprocess.run([server, "novedad", "listar", "--json"], env=env, check=True, capture_output=True, text=True).stdout
    return listing.count('"radicado"')


def digest_header(data):
    return "sha-256=:" + base64.b64encode(hashlib.sha256(data).digest()).decode() + ":"


# The queue, prepared once.
queue = os.path.join(work, "cola")
photos = os.path.join(work, "fotos")
os.makedirs(photos)
territorio(queue, "perfil", "--nombre", "Medición", "--entidad", "sdis")
for number in range(count):
    files = []
    for index in range(3):
        path = os.path.join(photos, f"foto-{number}-{index}.png")
        png(path)
        files += ["--adjunto", path]
    territorio(queue, "novedad", "crear", "--tipo", "hueco", "--localidad", "kennedy", "--encolar",
               "--descripcion", f"Novedad de medición número {number}, con tres fotos de dos megas.", *files)
database = sqlite3.connect(os.path.join(queue, "territorio.sqlite"))
payloads = database.execute("SELECT id, carga FROM novedades ORDER BY creada_en, id").fetchall()
attachments = database.execute("SELECT novedad, sha256 FROM adjuntos ORDER BY novedad, orden").fetchall()
database.close()
photo_bytes = sum(os.path.getsize(os.path.join(queue, "adjuntos", sha)) for _, sha in attachments)


def curl_config(base, token):
    """Every photo, then every novedad, as the client sends them, for one keep-alive curl."""
    lines = []
    by_novedad = {}
    for novedad, sha in attachments:
        by_novedad.setdefault(novedad, []).append(sha)
    for identifier, payload in payloads:
        for sha in by_novedad.get(identifier, []):
            path = os.path.join(queue, "adjuntos", sha)
            with open(path, "rb") as photo:
                digest = digest_header(photo.read())
            lines += [f'url = "{base}/api/v1/adjuntos/{sha}"', f'upload-file = "{path}"',
                      'header = "Content-Type: application/octet-stream"', f'header = "Repr-Digest: {digest}"']
            # Without "Expect:", curl waits up to a second for a 100 Continue before each large body.
            lines += [f'header = "Authorization: Bearer {token}"', 'header = "Expect:"', 'output = "/dev/null"', "fail", "next"]
        body = os.path.join(work, f"carga-{identifier}.json")
        with open(body, "w", encoding="utf-8") as out:
            out.write(payload)
        lines += [f'url = "{base}/api/v1/novedades/{identifier}"', 'request = "PUT"', f'data-binary = "@{body}"',
                  'header = "Content-Type: application/json"', f'header = "Repr-Digest: {digest_header(payload.encode())}"']
        lines += [f'header = "Authorization: Bearer {token}"', 'output = "/dev/null"', "fail", "next"]
    config = os.path.join(work, "curl.conf")
    with open(config, "w", encoding="utf-8") as out:
        out.write("\n".join(lines[:-1]) + "\n")
    return config


times = {"territorio": [], "curl": []}
for run in range(runs):
    process, base, token, env = fresh_server()
    data = os.path.join(work, f"datos-{run}")
    shutil.copytree(queue, data)
    territorio(data, "perfil", "--servidor", base, "--token", token)
    started = time.monotonic()
    territorio(data, "sincronizar")
    times["territorio"].append(time.monotonic() - started)
    assert stored_count(env) == count, "the server does not have every novedad"
    process.terminate()
    process.wait()
    shutil.rmtree(data)

    process, base, token, env = fresh_server()
    config = curl_config(base, token)
    started = time.monotonic()
    subprocess.run(["curl", "-sS", "--config", config], check=True)
    times["curl"].append(time.monotonic() - started)
    assert stored_count(env) == count, "curl did not store every novedad"
    process.terminate()
    process.wait()

shutil.rmtree(work)
client_median = statistics.median(times["territorio"])
curl_median = statistics.median(times["curl"])
megabytes = photo_bytes / 1_000_000
print(f"{count} novedades, {len(attachments)} fotos, {megabytes:.0f} MB por loopback, {runs} corridas de cada uno")
print("territorio sincronizar: " + ", ".join(f"{t:.2f}" for t in times["territorio"]) + f" s → mediana {client_median:.2f} s")
print("curl --config:          " + ", ".join(f"{t:.2f}" for t in times["curl"]) + f" s → mediana {curl_median:.2f} s")
print(f"razón territorio / curl: {client_median / curl_median:.2f}")
