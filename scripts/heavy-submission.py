#!/usr/bin/env python3
"""Writes the heaviest legal submission, or one over the evidence-item limit, for memory benchmarks.

    scripts/heavy-submission.py OUT.xml [--items 19900] [--title-chars 1400]

The defaults give a file just under the engine's default limits (32 MiB, 20,000 evidence items):
19,900 evidence items, each with a long title, a file reference and the indicator it supports. It
is valid against standards/schema/submission-v1.xsd and targets respect-standard@2017, so `respect
check` reads, validates and evaluates all of it. `--items 110000 --title-chars 20` gives a file of
the same size far over the evidence-item limit, which the engine must refuse while parsing.
"""
import argparse
import hashlib

TYPES = ["governance-record", "policy", "training-record", "supervision-record", "case-file-audit"]
SUPPORTS = ["gov-accountable-lead", "gov-business-plan", "gov-legal-status-and-insurance"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--items", type=int, default=19_900)
    parser.add_argument("--title-chars", type=int, default=1400)
    args = parser.parse_args()
    words = "Minutes of the board of trustees with the service report and incident review "
    title = (words * (args.title_chars // len(words) + 1))[: args.title_chars].strip()
    with open(args.out, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write('<submission xmlns="urn:respect-engine:submission:v1" asOf="2026-10-01">\n')
        out.write('  <provider name="Heavy File Benchmark" charityNumber="1999999"/>\n')
        out.write('  <target framework="respect-standard" edition="2017"/>\n')
        out.write('  <services><service type="group-behaviour-change" risks="standard"/></services>\n')
        out.write("  <evidence>\n")
        for n in range(args.items):
            digest = hashlib.sha256(str(n).encode()).hexdigest()
            out.write(f'    <item id="e{n:06d}" type="{TYPES[n % len(TYPES)]}" issued="2026-0{1 + n % 9}-1{n % 10}">\n'
                      f"      <title>{title} {n}</title>\n"
                      f'      <file path="evidence/{n:06d}.pdf" sha256="{digest}"/>\n'
                      f"      <supports>{SUPPORTS[n % len(SUPPORTS)]}</supports>\n"
                      "    </item>\n")
        out.write("  </evidence>\n</submission>\n")


if __name__ == "__main__":
    main()
