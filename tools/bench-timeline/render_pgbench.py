#!/usr/bin/env python3
"""Renders the pgbench script of tools/bench-timeline.sh.

Reads the statements one timeline request runs (the output of `timeline_sql`:
`name<TAB>sql` per line, in execution order) and timeline.pgbench.in, and writes
OUT_DIR/timeline.sql and OUT_DIR/defines (the `-D` arguments, one per line: the token
hash of the session the script looks up).
"""
import argparse
import hashlib
import os
import re
import sys
import time

PLACEHOLDER = re.compile(r"@([a-z_][a-z0-9_]*)\(([^)]*)\)@")
PARAMETER = re.compile(r"\$([0-9]+)")


def token_of(user_id: int) -> str:
    # The seed's tokens: 'bench-token-' and the id zero-padded to 43 characters.
    return "bench-token-%031d" % user_id


def bind(name: str, sql: str, arguments: list[str]) -> str:
    numbers = {int(n) for n in PARAMETER.findall(sql)}
    if numbers != set(range(1, len(numbers) + 1)):
        sys.exit(f"render_pgbench: statement {name} has parameters {sorted(numbers)}, not $1..$n")
    if len(arguments) != len(numbers):
        sys.exit(f"render_pgbench: statement {name} takes {len(numbers)} parameters, the template "
                 f"binds {len(arguments)}: update timeline.pgbench.in")
    if ":" in PARAMETER.sub("", sql).replace("::", ""):
        # pgbench would read ":word" inside the text as one of its variables.
        sys.exit(f"render_pgbench: statement {name} contains ':' that pgbench would misread")
    return PARAMETER.sub(lambda m: arguments[int(m.group(1)) - 1], sql)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("statements")
    parser.add_argument("template")
    parser.add_argument("out_dir")
    parser.add_argument("--users", type=int, required=True)
    parser.add_argument("--fetch", type=int, required=True)
    parser.add_argument("--session-user", type=int, default=1)
    args = parser.parse_args()

    statements = []
    with open(args.statements) as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                name, sql = line.split("\t", 1)
                statements.append((name, sql))
    if not statements:
        sys.exit("render_pgbench: timeline_sql printed no statement")

    with open(args.template) as f:
        template = "".join(line for line in f if not line.startswith("--"))
    used = [m.group(1) for m in PLACEHOLDER.finditer(template)]
    if used != [name for name, _ in statements]:
        sys.exit(f"render_pgbench: the server runs {[n for n, _ in statements]} for a timeline "
                 f"request, the template has {used}: update timeline.pgbench.in")
    texts = dict(statements)

    def expand(match: re.Match) -> str:
        arguments = [a.strip() for a in match.group(2).split(",") if a.strip()]
        return bind(match.group(1), texts[match.group(1)], arguments)

    script = PLACEHOLDER.sub(expand, template)
    script = script.replace("@NOW_MS@", str(int(time.time() * 1000)))
    script = script.replace("@FETCH@", str(args.fetch))
    script = script.replace("@USERS@", str(args.users))
    if "@" in script:
        sys.exit("render_pgbench: the template has a placeholder this renderer does not know")

    os.makedirs(args.out_dir, exist_ok=True)
    with open(os.path.join(args.out_dir, "timeline.sql"), "w") as f:
        f.write(script)
    digest = hashlib.sha256(token_of(args.session_user).encode()).hexdigest()
    with open(os.path.join(args.out_dir, "defines"), "w") as f:
        f.write(f"token_hash={digest}\n")


if __name__ == "__main__":
    main()
