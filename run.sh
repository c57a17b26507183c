#!/usr/bin/env bash
# Installs what is missing, builds Rekindle (Release) and starts it on the default database.
# Arguments are passed to rekindle, e.g. ./run.sh import ~/Downloads/Connections.csv
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target rekindle
exec build/rekindle "$@"
