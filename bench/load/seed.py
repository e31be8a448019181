#!/usr/bin/env python3
"""Seeds a running app for bench/load.sh through its public API, and writes the files wrk's scenarios read.

Usage: seed.py BASE_URL TOKEN PREFIX

Creates WRITE_PATIENTS patients that the store and floor scenarios write to (round robin, so no single patient
collects every row), and one patient for the page scenario with PAGE_ASSESSMENTS assessments, two of them edited
(a second version), like a patient some weeks into follow-up. Writes:
  PREFIX.body.json     the assessment posted by store and floor (valid, calm, dated yesterday)
  PREFIX.store-paths   POST /api/v1/patients/{id}/assessments, one line per write patient
  PREFIX.floor-paths   POST /benchmark/floor/patients/{id}/assessments, the same patients
  PREFIX.page-paths    GET /patients/{id} of the page patient
  PREFIX.page          the page patient's id
"""
import datetime
import json
import os
import sys
import urllib.request

WRITE_PATIENTS = 20
PAGE_ASSESSMENTS = 12


def assessment(assessed_on, days_since_surgery=14, back_pain=3):
    # The spec's first worked example (version 2: every warning-sign question answered), moved to the given dates.
    example = os.path.join(os.path.dirname(__file__), "..", "..", "spec", "examples", "01-mild-pain-after-spinal.input.json")
    with open(example, encoding="utf-8") as file:
        body = json.load(file)
    body["assessedOn"] = assessed_on.isoformat()
    body["surgery"]["date"] = (assessed_on - datetime.timedelta(days=days_since_surgery)).isoformat()
    body["backPain"]["intensityNow"] = back_pain
    return body


def call(base, token, method, path, body):
    request = urllib.request.Request(
        base + path, method=method, data=json.dumps(body).encode(),
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        if response.status != 201:
            raise SystemExit(f"{method} {path} answered {response.status}, expected 201")
        return json.load(response)


def patient(base, token, name):
    return call(base, token, "POST", "/api/v1/patients", {"name": name, "birthDate": "1958-03-01", "sex": "female"})["id"]


def main():
    base, token, prefix = sys.argv[1], sys.argv[2], sys.argv[3]
    today = datetime.datetime.now(datetime.timezone.utc).date()
    body = assessment(today - datetime.timedelta(days=1))
    with open(prefix + ".body.json", "w", encoding="utf-8") as file:
        json.dump(body, file, separators=(",", ":"))

    writers = [patient(base, token, f"Load Write Patient {n}") for n in range(1, WRITE_PATIENTS + 1)]
    with open(prefix + ".store-paths", "w", encoding="utf-8") as file:
        file.writelines(f"/api/v1/patients/{p}/assessments\n" for p in writers)
    with open(prefix + ".floor-paths", "w", encoding="utf-8") as file:
        file.writelines(f"/benchmark/floor/patients/{p}/assessments\n" for p in writers)

    reader = patient(base, token, "Load Page Patient")
    first_day = 3
    stored = []
    for n in range(PAGE_ASSESSMENTS):
        day = first_day + 7 * n
        stored.append(call(base, token, "POST", f"/api/v1/patients/{reader}/assessments",
                           assessment(today - datetime.timedelta(days=90 - day), day, back_pain=max(1, 7 - n // 2)))["id"])
    for n, edited in enumerate(stored[:2]):
        day = first_day + 7 * n
        call(base, token, "PUT", f"/api/v1/patients/{reader}/assessments/{edited}",
             assessment(today - datetime.timedelta(days=90 - day), day, back_pain=6))
    with open(prefix + ".page-paths", "w", encoding="utf-8") as file:
        file.write(f"/patients/{reader}\n")
    with open(prefix + ".page", "w", encoding="utf-8") as file:
        file.write(reader)


if __name__ == "__main__":
    main()
