"""Load on the reference server next to the object store it writes to: see scripts/medir-carga.

N simulated gestores at once, each on its own keep-alive connection, sync K novedades with three
2 MB photos each, as the client does on a fast link: HEAD of each photo (404), a first PATCH of
60 000 bytes (what 2G sends in the stall limit), a second PATCH with the rest, PUT of the novedad. In the same run the same generator PUTs the very same bytes straight into
the S3 store (SigV4, UNSIGNED-PAYLOAD) over N connections. Meanwhile one more connection times
`GET /sesion` and the server processes' resident memory is sampled. Photos are random bytes with a
unique head, so none repeats and the store cannot deduplicate them.
"""
import asyncio
import datetime
import hashlib
import hmac
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid

server_binary, gestores, per_gestor, instances = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
# "aparte": the store on half of the processors, everything else on the other half (see separate_store).
cores = sys.argv[5] if len(sys.argv) > 5 else "compartidos"
# 2 MB, or CARGA_FOTO_MB: with larger photos the same N should need no more memory.
PHOTO = int(float(os.environ.get("CARGA_FOTO_MB", "2")) * 1_000_000)
FIRST_PIECE = 60_000
# SeaweedFS on this machine answers some requests 500 under hundreds of connections: each photo is
# tried again (counted and reported) up to this many times, by both sides.
ATTEMPTS = 5
retries = {"almacen": 0, "servidor": 0}
POOL = os.urandom(PHOTO + 4096)
RUN = uuid.uuid4().hex[:8]
env = dict(os.environ, TERRITORIO_CONEXIONES_MAX=str(gestores * 2 + 50))


def photo(gestor, novedad, index):
    head = f"{RUN}-{gestor}-{novedad}-{index}-".encode()
    start = (gestor * 7 + novedad * 3 + index) % 4096
    return head + POOL[start:start + PHOTO - len(head)]


class Connection:
    """One HTTP/1.1 keep-alive connection: just what the load needs."""

    def __init__(self, host, port):
        self.host, self.port = host, port

    async def open(self):
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        return self

    async def request(self, method, path, headers=None, body=b""):
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}", f"Content-Length: {len(body)}"]
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
        if body:
            self.writer.write(body)
        await self.writer.drain()
        status_line = await self.reader.readline()
        status = int(status_line.split()[1])
        answer = {}
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode().partition(":")
            answer[name.strip().lower()] = value.strip()
        content = b""
        if method != "HEAD" and status not in (204, 304):
            if answer.get("transfer-encoding", "").lower() == "chunked":
                while True:
                    size = int((await self.reader.readline()).split(b";")[0], 16)
                    chunk = await self.reader.readexactly(size + 2)
                    if size == 0:
                        break
                    content += chunk[:-2]
            else:
                content = await self.reader.readexactly(int(answer.get("content-length", "0")))
        return status, answer, content

    def close(self):
        self.writer.close()


def start_servers():
    servers = []
    for _ in range(instances):
        process = subprocess.Popen([server_binary, "servir", "--puerto", "0"], env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True)
        line = process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)", line)
        if not match:
            sys.exit(f"El servidor no arrancó: {line!r}")
        # Whatever else it prints is read and dropped, so a full pipe never stops it.
        threading.Thread(target=process.stdout.read, daemon=True).start()
        servers.append((process, int(match.group(1))))
    return servers


def psql(sql):
    return subprocess.run(["psql", os.environ["TERRITORIO_DB_URL"], "-qAt", "-v", "ON_ERROR_STOP=1", "-c", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


def create_tokens():
    """One gestor and token per simulated gestor, written straight to the database (the same rows
    `token crear` writes; 400 processes would take longer than the load)."""
    tokens = [uuid.uuid4().hex + uuid.uuid4().hex for _ in range(gestores)]
    values = ",".join(f"('carga-{RUN}-{i}', 'Gestor de carga {i}', '{hashlib.sha256(t.encode()).hexdigest()}')"
                      for i, t in enumerate(tokens))
    psql(f"""WITH nuevos(identificador, nombre, sha256) AS (VALUES {values}),
                  g AS (INSERT INTO gestores (identificador, nombre) SELECT identificador, nombre FROM nuevos RETURNING id, identificador)
             INSERT INTO tokens (sha256, gestor_id) SELECT n.sha256, g.id FROM nuevos n JOIN g USING (identificador)""")
    return tokens


def novedad(novedad_id, hashes):
    return json.dumps({
        "id": novedad_id, "tipo": "hueco", "entidad": "idu", "localidad": "kennedy", "barrio": "Patio Bonito",
        "direccion": "Calle 38 Sur con Carrera 87", "coordenadas": {"lat": 4.6332, "lon": -74.1574},
        "observada_en": "2026-11-22T17:40:00-05:00",
        "descripcion": "Hueco de un metro en el carril derecho; los buses lo esquivan por el andén.",
        "urgencia": "alta", "poblaciones": [], "contacto": None, "ruta": None, "catalogo_version": "2026.11",
        "autor": "Gestor de carga", "creada_en": "2026-11-22T17:46:28-05:00", "corrige": None,
        "adjuntos": [{"sha256": h, "nombre": f"foto-{i}.jpg", "bytes": PHOTO, "formato": "jpeg"} for i, h in enumerate(hashes)],
    }, ensure_ascii=False).encode()


async def gestor_sync(index, token, port):
    connection = await Connection("127.0.0.1", port).open()
    auth = {"Authorization": f"Bearer {token}"}
    status, _, _ = await connection.request("GET", "/api/v1/sesion", auth)
    assert status == 200, status
    for n in range(per_gestor):
        hashes = []
        for i in range(3):
            body = photo(index, n, i)
            digest = hashlib.sha256(body).hexdigest()
            hashes.append(digest)
            for attempt in range(ATTEMPTS):
                status, answer, _ = await connection.request("HEAD", f"/api/v1/adjuntos/{digest}", auth)
                assert status in (200, 404), status
                offset = len(body) if status == 200 else int(answer.get("upload-offset", "0"))
                for start, end in ((0, FIRST_PIECE), (FIRST_PIECE, len(body))):
                    if offset >= end:
                        continue
                    status, answer, content = await connection.request("PATCH", f"/api/v1/adjuntos/{digest}", dict(auth, **{
                        "Content-Type": "application/offset+octet-stream", "Upload-Offset": str(offset),
                        "Upload-Length": str(len(body))}), body[offset:end])
                    if status >= 500:
                        break
                    assert status == (201 if end == len(body) else 204), (status, content)
                    offset = end
                if offset == len(body):
                    break
                # The store failed under the load (a 5xx): like the client, resume from the server's offset.
                retries["servidor"] += 1
                await asyncio.sleep(0.5)
            else:
                sys.exit(f"La foto {digest} no subió en {ATTEMPTS} intentos: {status}")
        novedad_id = str(uuid.uuid4())
        status, _, content = await connection.request("PUT", f"/api/v1/novedades/{novedad_id}",
                                                      dict(auth, **{"Content-Type": "application/json"}), novedad(novedad_id, hashes))
        assert status == 201, (status, content)
    connection.close()


def sign(method, path, host, region, access, secret):
    now = datetime.datetime.now(datetime.timezone.utc)
    stamp, day = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
    headers = {"host": host, "x-amz-content-sha256": "UNSIGNED-PAYLOAD", "x-amz-date": stamp}
    signed = ";".join(sorted(headers))
    canonical = "\n".join([method, urllib.parse.quote(path), "", *(f"{k}:{headers[k]}" for k in sorted(headers)), "", signed,
                           "UNSIGNED-PAYLOAD"])
    scope = f"{day}/{region}/s3/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", stamp, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    key = ("AWS4" + secret).encode()
    for part in (day, region, "s3", "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    return {"x-amz-content-sha256": "UNSIGNED-PAYLOAD", "x-amz-date": stamp,
            "Authorization": f"AWS4-HMAC-SHA256 Credential={access}/{scope}, SignedHeaders={signed}, Signature={signature}"}


async def store_put(index):
    endpoint = urllib.parse.urlsplit(os.environ["TERRITORIO_S3_URL"])
    bucket = os.environ["TERRITORIO_S3_BUCKET"]
    region = os.environ.get("TERRITORIO_S3_REGION", "us-east-1")
    access, secret = os.environ["TERRITORIO_S3_ACCESS_KEY"], os.environ["TERRITORIO_S3_SECRET_KEY"]
    connection = await Connection(endpoint.hostname, endpoint.port).open()
    for n in range(per_gestor):
        for i in range(3):
            body = photo(index, n, i)
            path = f"/{bucket}/carga-directa/{hashlib.sha256(body).hexdigest()}"
            for attempt in range(ATTEMPTS):
                headers = sign("PUT", path, f"{endpoint.hostname}:{endpoint.port}", region, access, secret)
                status, _, content = await connection.request("PUT", path, headers, body)
                if status < 500:
                    break
                retries["almacen"] += 1
                await asyncio.sleep(0.5)
            assert status == 200, (status, content[:300])
    connection.close()


async def probe_session(port, token, stop, latencies):
    connection = await Connection("127.0.0.1", port).open()
    while not stop.is_set():
        started = time.perf_counter()
        status, _, _ = await connection.request("GET", "/api/v1/sesion", {"Authorization": f"Bearer {token}"})
        latencies.append((time.perf_counter() - started) * 1000)
        assert status == 200, status
        await asyncio.sleep(0.05)
    connection.close()


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


async def sample_rss(pids, stop, peaks):
    while not stop.is_set():
        for pid in pids:
            peaks[pid] = max(peaks.get(pid, 0), rss_kib(pid))
        await asyncio.sleep(0.1)


def processes(servers):
    """Every process of the run by part: the servers, SeaweedFS (the generator's siblings under
    scripts/s3-temporal), PostgreSQL (the postmaster on the database's port and its backends) and
    this generator, each with its CPU seconds (user + system) so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    stats = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rpartition(")")[2].split()
                with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                    command = cmdline.read().split(b"\0")
            except OSError:
                continue
            stats[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / ticks, command)
    port = urllib.parse.urlsplit(os.environ["TERRITORIO_DB_URL"]).port
    postmaster = [pid for pid, (_, _, command) in stats.items()
                  if command[0].endswith(b"postgres") and str(port).encode() in command]
    servers = {process.pid for process, _ in servers}
    parts = {"servidor": [], "almacen": [], "postgres": [], "generador": []}
    for pid, (parent, seconds, command) in stats.items():
        if pid in servers:
            parts["servidor"].append((pid, seconds))
        elif pid in postmaster or parent in postmaster:
            parts["postgres"].append((pid, seconds))
        elif parent == os.getppid() and command[0].endswith(b"weed"):
            parts["almacen"].append((pid, seconds))
        elif pid == os.getpid():
            parts["generador"].append((pid, seconds))
    return parts


def cpu_seconds(servers):
    """CPU seconds used so far by each part of the run. Processes that ended are not counted."""
    return {part: sum(seconds for _, seconds in found) for part, found in processes(servers).items()}


def separate_store(servers):
    """Gives SeaweedFS half of this machine's processors and everything else (the servers,
    PostgreSQL, this generator) the other half, in both phases alike: as in the district, where
    the object store runs on machines of its own, the store's capacity is the same whether the
    generator or the server writes to it. Every thread of each process is pinned; the threads and
    backends they start later inherit it. Returns the two halves."""
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        sys.exit("Con un solo procesador no se puede apartar el almacén.")
    store, rest = set(cpus[:len(cpus) // 2]), set(cpus[len(cpus) // 2:])
    for part, found in processes(servers).items():
        for pid, _ in found:
            try:
                for task in os.listdir(f"/proc/{pid}/task"):
                    os.sched_setaffinity(int(task), store if part == "almacen" else rest)
            except (FileNotFoundError, ProcessLookupError):
                pass  # it ended meanwhile (a PostgreSQL backend, a thread)
    return sorted(store), sorted(rest)


def cpu_used(before, after):
    return {part: round(after[part] - before[part], 1) for part in before}


def table_bytes():
    """Each table's bytes on disk, its indexes and TOAST included."""
    rows = psql("""SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c
                   JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = 'public' AND c.relkind = 'r'""")
    return {name: int(size) for name, size in (line.split("|") for line in rows.splitlines())}


async def main():
    servers = start_servers()
    try:
        tokens = create_tokens()
        total_mb = gestores * per_gestor * 3 * PHOTO / 1e6
        halves = separate_store(servers) if cores == "aparte" else None

        cpu_start = cpu_seconds(servers)
        started = time.perf_counter()
        await asyncio.gather(*(store_put(i) for i in range(gestores)))
        store_seconds = time.perf_counter() - started
        cpu_store = cpu_seconds(servers)

        novedades_before = int(psql("SELECT count(*) FROM novedades"))
        psql("VACUUM ANALYZE")  # its maps and free-space forks exist before and after alike
        bytes_before = table_bytes()
        stop, latencies, peaks = asyncio.Event(), [], {}
        pids = [process.pid for process, _ in servers]
        idle_rss = {pid: rss_kib(pid) for pid in pids}
        watchers = [asyncio.create_task(sample_rss(pids, stop, peaks)),
                    asyncio.create_task(probe_session(servers[0][1], tokens[0], stop, latencies))]
        cpu_before = cpu_seconds(servers)
        started = time.perf_counter()
        await asyncio.gather(*(gestor_sync(i, tokens[i], servers[i % len(servers)][1]) for i in range(gestores)))
        server_seconds = time.perf_counter() - started
        cpu_after = cpu_seconds(servers)
        stop.set()
        await asyncio.gather(*watchers)
        novedades = int(psql("SELECT count(*) FROM novedades")) - novedades_before
        psql("VACUUM ANALYZE")
        bytes_after = table_bytes()
        growth = {name: size - bytes_before.get(name, 0) for name, size in bytes_after.items()}
        row = float(psql("SELECT avg(pg_column_size(n.*)) FROM novedades n"))

        latencies.sort()
        server_rate, store_rate = total_mb / server_seconds, total_mb / store_seconds
        print(json.dumps({
            "gestores": gestores, "foto_mb": PHOTO / 1e6, "novedades_por_gestor": per_gestor, "instancias": instances,
            "nucleos": cores, "nucleos_almacen_resto": halves, "mb": round(total_mb),
            "servidor_mb_s": round(server_rate, 1), "almacen_mb_s": round(store_rate, 1),
            "razon": round(server_rate / store_rate, 2),
            "cpu_s_almacen_directo": cpu_used(cpu_start, cpu_store), "cpu_s_por_servidor": cpu_used(cpu_before, cpu_after),
            "carga_1min": round(os.getloadavg()[0], 1),
            "sesion_p50_ms": round(latencies[len(latencies) // 2], 1),
            "sesion_p99_ms": round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))], 1),
            "sesion_muestras": len(latencies), "reintentos": retries,
            "rss_reposo_mib": [round(idle_rss[p] / 1024) for p in pids],
            "rss_pico_mib": [round(peaks[p] / 1024) for p in pids],
            "postgres_bytes_por_novedad": round(sum(growth.values()) / novedades),
            "postgres_fila_novedad": round(row),
            "postgres_por_tabla": {name: round(size / novedades) for name, size in sorted(growth.items()) if size > 0},
        }, ensure_ascii=False))
    finally:
        for process, _ in servers:
            process.terminate()
            process.wait()


# Stopped from outside (SIGTERM), the servers it started still stop with it.
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
asyncio.run(main())
