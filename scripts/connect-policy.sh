#!/bin/sh
# Runs the connect-policy CLI of this checkout, building it first when it is not built: the
# entry of the pre-commit hooks (.pre-commit-hooks.yaml), where pre-commit runs it from its own
# clone of this repository, which holds sources only. Needs Node.js 20.19 or later on PATH;
# pnpm is fetched by npx. Arguments go to the CLI as they are.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cli="$root/apps/cli/bin/connect-policy.js"

if [ ! -f "$cli" ]; then
  echo "connect-policy: building the CLI once, in $root" >&2
  # to standard error: standard output is the CLI's
  (
    cd "$root"
    npx -y pnpm@10.34.9 install --frozen-lockfile --filter "@connect-policy/cli..."
    npx -y pnpm@10.34.9 --filter @connect-policy/cli build
  ) >&2
fi

exec node "$cli" "$@"
