#!/usr/bin/env python3
"""The CDS Hooks load client of bench/cds-load.sh: an EHR calling patient-view, with a fresh ES384 JWT per call.

Usage: cds_client.py keys DIR                      writes DIR/ehr-key.pem and DIR/jwks.json (the app trusts the JWKS)
       cds_client.py seed BASE TOKEN               creates a patient with one stored assessment; prints its id
       cds_client.py counters CSV LABEL            summarises a dotnet-counters CSV of the server (see bench/cds-load.sh)
       cds_client.py run BASE DIR PATIENT CLIENTS SECONDS cds|health [RATE]
                                                   CLIENTS processes, each on one keep-alive connection, calling for
                                                   SECONDS; prints one line: RESULT requests=N p50_ms=.. p99_ms=.. rps=..
Every CDS call sends a new JWT (iss, aud = the service URL, exp, iat, a unique jti), as CDS Hooks 2.0 requires; it is
signed before the clock starts for that call (flat out) or before the run (paced), so the figures are the server's
answer time. Clients are
processes, not threads, so one client's signing never holds up another's reading of its answer.
Without RATE each client calls again as soon as it has an answer (flat out: with several clients that measures
queueing). With RATE (requests per second, all clients together) each client waits an exponential random time between
calls, as independent EHR sessions would, and a call's latency counts from when it was due, so a late start counts too.
"""
import base64
import datetime
import http.client
import json
import os
import sys
import multiprocessing
import random
import time
import urllib.parse
import urllib.request
import uuid

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

ISSUER = "https://ehr.bench.invalid"
SERVICE = "/cds-services/kneespine-back-pain"


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def keys(directory):
    key = ec.generate_private_key(ec.SECP384R1())
    with open(os.path.join(directory, "ehr-key.pem"), "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    numbers = key.public_key().public_numbers()
    jwk = {"kty": "EC", "crv": "P-384", "kid": "bench-1", "use": "sig", "alg": "ES384",
           "x": b64(numbers.x.to_bytes(48, "big")), "y": b64(numbers.y.to_bytes(48, "big"))}
    with open(os.path.join(directory, "jwks.json"), "w") as f:
        json.dump({"keys": [jwk]}, f)


def token(key, audience):
    now = int(time.time())
    header = b64(json.dumps({"alg": "ES384", "typ": "JWT", "kid": "bench-1"}).encode())
    payload = b64(json.dumps({"iss": ISSUER, "aud": audience, "exp": now + 300, "iat": now, "jti": str(uuid.uuid4())}).encode())
    r, s = decode_dss_signature(key.sign(f"{header}.{payload}".encode(), ec.ECDSA(hashes.SHA384())))
    return f"{header}.{payload}.{b64(r.to_bytes(48, 'big') + s.to_bytes(48, 'big'))}"


def seed(base, api_token):
    def call(method, path, body):
        request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method=method,
                                         headers={"Authorization": "Bearer " + api_token, "Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            return json.load(response)

    patient = call("POST", "/api/v1/patients", {"name": "CDS Bench Patient", "birthDate": "1958-03-01", "sex": "female"})["id"]
    example = os.path.join(os.path.dirname(__file__), "..", "..", "spec", "examples", "01-mild-pain-after-spinal.input.json")
    with open(example) as f:
        answers = json.load(f)
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    surgery = datetime.date.fromisoformat(answers["surgery"]["date"])
    shift = yesterday - datetime.date.fromisoformat(answers["assessedOn"])
    answers["assessedOn"] = yesterday.isoformat()
    answers["surgery"]["date"] = (surgery + shift).isoformat()
    call("POST", f"/api/v1/patients/{patient}/assessments", answers)
    print(patient)


def client(base, directory, patient, seconds, scenario, mean_wait, results):
    with open(os.path.join(directory, "ehr-key.pem"), "rb") as f:
        key = serialization.load_pem_private_key(f.read(), password=None)
    url = urllib.parse.urlsplit(base)
    audience = base + SERVICE
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    mine, bad = [], 0
    # Paced: every token this client can need is signed before the run, so signing (CPU on the same two cores) never
    # makes a call late. Each is still used once (its own jti) and expires 300 s after it was signed.
    tokens = [token(key, audience) for _ in range(int(seconds / mean_wait * 2) + 50)] if mean_wait > 0 and scenario == "cds" else []
    stop = time.monotonic() + seconds
    due = time.perf_counter()
    while time.monotonic() < stop:
        if mean_wait > 0:
            due += random.expovariate(1 / mean_wait)
            pause = due - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
        if scenario == "cds":
            body = json.dumps({"hook": "patient-view", "hookInstance": str(uuid.uuid4()),
                               "context": {"userId": "Practitioner/bench", "patientId": patient}})
            headers = {"Authorization": "Bearer " + (tokens.pop() if tokens else token(key, audience)), "Content-Type": "application/json"}
            started = due if mean_wait > 0 else time.perf_counter()
            connection.request("POST", SERVICE, body=body, headers=headers)
        else:
            started = due if mean_wait > 0 else time.perf_counter()
            connection.request("GET", "/health")
        response = connection.getresponse()
        response.read()
        elapsed = time.perf_counter() - started
        if response.status == 200:
            mine.append(elapsed)
        else:
            bad += 1
    results.put((mine, bad))


def run(base, directory, patient, clients, seconds, scenario, rate=0.0):
    mean_wait = clients / rate if rate > 0 else 0.0
    results = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=client, args=(base, directory, patient, seconds, scenario, mean_wait, results))
               for _ in range(clients)]
    begun = time.monotonic()
    for w in workers:
        w.start()
    latencies, failures = [], 0
    for _ in workers:
        mine, bad = results.get()
        latencies.extend(mine)
        failures += bad
    for w in workers:
        w.join()
    duration = time.monotonic() - begun
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000 if latencies else float("nan")

    print(f"RESULT requests={len(latencies)} failures={failures} p50_ms={pct(0.50):.1f} p99_ms={pct(0.99):.1f} rps={len(latencies) / duration:.0f}")


def counters(path, label):
    """One line from a dotnet-counters CSV: the server's request-duration p50 and p99 (the worst window; bench/cds-load.sh
    uses one window that holds the whole run), and the GC's collections and pauses."""
    import csv
    p50, p99, pause, collections = [], [], 0.0, 0
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            name, value = row["Counter Name"], row["Mean/Increment"]
            if not value:
                continue
            if name.startswith("http.server.request.duration") and ("cds-services" in name or "route=/health;" in name):
                (p99 if "Percentile=99" in name else p50 if "Percentile=50" in name else []).append(float(value) * 1000)
            elif name.startswith("dotnet.gc.pause.time"):
                pause += float(value)
            elif name.startswith("dotnet.gc.collections"):
                collections += int(float(value))
    worst = lambda values: f"{max(values):.1f}" if values else "nan"
    print(f"{label} server: p50_ms={worst(p50)} p99_ms={worst(p99)} windows={len(p99)} gc_collections={collections} gc_pause_ms={pause * 1000:.0f}")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "keys":
        keys(sys.argv[2])
    elif command == "seed":
        seed(sys.argv[2], sys.argv[3])
    elif command == "counters":
        counters(sys.argv[2], sys.argv[3])
    elif command == "run":
        run(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6]), sys.argv[7],
            float(sys.argv[8]) if len(sys.argv) > 8 else 0.0)
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
