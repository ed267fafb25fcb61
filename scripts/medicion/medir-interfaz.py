# Measures the interface in a real pseudo-terminal (80x24, TERM=xterm-256color, LANG=C.UTF-8):
#  1. time from starting `territorio` to the first full screen (the list with its count);
#  2. key-to-screen latency while typing searches, read from the program's own probe
#     (TERRITORIO_MEDICION): from reading a key to showing the frame with that key's results.
import fcntl, os, pty, select, statistics, struct, sys, termios, time

BIN, DATA = sys.argv[1], sys.argv[2]
ENV = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8", "TERM": "xterm-256color"}

def start(extra_env=None):
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.execve(BIN, [BIN, "--datos", DATA], {**ENV, **(extra_env or {})})
    return pid, fd

def read_until(fd, needles, timeout=10):
    buf = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            buf += chunk
            if all(n in buf for n in needles):
                return buf
    raise RuntimeError("timeout waiting for %r in %r" % (needles, buf[-600:]))

def drain(fd, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], 0.01)
        if r:
            try: os.read(fd, 65536)
            except OSError: return

def finish(pid, fd):
    os.write(fd, b"q")
    drain(fd, 0.3)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status)

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

def start_version():
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(BIN, [BIN, "--version"], ENV)
    return pid, fd

# 1. First full screen, interleaved with the floor: starting the process alone (`--version`),
#    so both see the same load on the machine.
first, floor = [], []
for _ in range(int(os.environ.get("VECES", "20"))):
    t0 = time.monotonic()
    pid, fd = start_version()
    read_until(fd, [b"territorio "])
    _, status = os.waitpid(pid, 0)
    floor.append((time.monotonic() - t0) * 1000)
    os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0
    t0 = time.monotonic()
    pid, fd = start()
    read_until(fd, [b"100.000", b"salir"])
    first.append((time.monotonic() - t0) * 1000)
    assert finish(pid, fd) == 0
print("territorio --version (ms): mediana %.1f  p90 %.1f  máx %.1f  (n=%d)" % (statistics.median(floor), pct(floor, 90), max(floor), len(floor)))
print("primera pantalla (ms): mediana %.1f  p90 %.1f  máx %.1f  (n=%d)" % (statistics.median(first), pct(first, 90), max(first), len(first)))
print("  primera pantalla − --version: %.1f ms (medianas)" % (statistics.median(first) - statistics.median(floor)))

# 2. Key to screen while searching; the probe's file beside the data directory (a fresh folder).
probe = os.path.join(os.path.dirname(os.path.abspath(DATA)), "teclas.txt")
if os.path.exists(probe): os.remove(probe)
pid, fd = start({"TERRITORIO_MEDICION": probe})
read_until(fd, [b"100.000"])
os.write(fd, b"/"); drain(fd, 0.3)
keys = []
queries = ["violencia", "victima", "habitante calle", "perro perdido", "salud mental", "basura", "ninos", "a", "m", "s", "adulto mayor"]
gap = float(os.environ.get("PAUSA", "0.2"))
for query in queries:
    for ch in query:
        keys.append(ch); os.write(fd, ch.encode()); drain(fd, gap)
    drain(fd, 0.5)
    keys.append("C-u"); os.write(fd, b"\x15"); drain(fd, gap)
os.write(fd, b"\x1b"); drain(fd, 0.2)
keys.append("Esc")
for _ in range(20):
    keys.append("Down"); os.write(fd, b"\x1bOB"); drain(fd, gap)
assert finish(pid, fd) == 0
bursts = [(float(line.split()[1]), int(line.split()[2])) for line in open(probe)]
sent = ["/"] + keys
context, typedSoFar = [], ""
for k in sent:
    special = k in ("C-u", "/", "Esc", "Down")
    typedSoFar = "" if special else typedSoFar + k
    context.append("(%s)" % k if special else typedSoFar)
# Each burst is attributed to the last key it contains.
labelled, position = [], 0
for ms, n in bursts:
    position += n
    labelled.append((ms, context[position - 1], n))
letters = [ms for ms, c, n in labelled if not c.startswith("(")]
print("teclas enviadas %d, ráfagas medidas %d (ráfagas de más de una tecla: %d)" % (len(sent), len(bursts), sum(1 for b in bursts if b[1] > 1)))
print("tecla → resultados en pantalla (ms), letras: mediana %.2f  p90 %.2f  p99 %.2f  máx %.2f  (n=%d)" % (
    statistics.median(letters), pct(letters, 90), pct(letters, 99), max(letters), len(letters)))
down = [ms for ms, c, n in labelled if c == "(Down)"]
print("  ↓ en la lista (sin búsqueda): mediana %.2f  máx %.2f  (n=%d)" % (statistics.median(down), max(down), len(down)))
one = [ms for ms, c, n in labelled if len(c) == 1]
print("  prefijos de 1 letra: %s" % " ".join("%.1f" % v for v in one))
slow = sorted(labelled, reverse=True)[:8]
print("  las 8 más lentas: %s" % ", ".join("«%s» %.1f" % (c, v) for v, c, n in slow))
